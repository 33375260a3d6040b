"""aiohttp: no translation, catalogues, locale selection or locale formatting ship; Accept-Language is left to you."""

FRAMEWORK = "aiohttp"
CRITERION = "internationalisation"
SHOWS = "claim"
REQUIRES = []

import asyncio
import importlib.metadata
import pathlib
import pkgutil

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

WORDS = ("i18n", "l10n", "locale", "translat", "gettext", "babel", "language")
modules = [m.name for m in pkgutil.walk_packages(aiohttp.__path__, "aiohttp.")]
names = [n for n in dir(web) + dir(aiohttp) if any(w in n.lower() for w in WORDS)]
catalogues = [str(f) for f in importlib.metadata.files("aiohttp") if str(f).endswith((".po", ".mo"))]
root = pathlib.Path(aiohttp.__file__).parent
imports = [
    p.name for p in root.glob("*.py") if any(f"import {w}" in p.read_text() for w in ("gettext", "babel", "locale"))
]
print("i18n-like modules:", [m for m in modules if any(w in m for w in WORDS)], "| names:", names)
print("message catalogues:", catalogues, "| modules importing gettext/babel/locale:", imports)
assert not [m for m in modules if any(w in m for w in WORDS)] and names == [] and catalogues == [] and imports == []


async def main():
    async def hello(request):  # what a project writes itself: read the header and pick a language
        return web.Response(text=request.headers.get("Accept-Language", ""))

    app = web.Application()
    app.router.add_get("/", hello)
    async with TestClient(TestServer(app)) as client:
        r = await client.get("/", headers={"Accept-Language": "fr-FR,fr;q=0.9"})
        missing = await client.get("/nowhere", headers={"Accept-Language": "fr-FR"})
        print("header handed to the handler:", await r.text(), "| French 404 body:", await missing.text())
        assert await missing.text() == "404: Not Found"  # the framework's own text stays English


asyncio.run(main())
