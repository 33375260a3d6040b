"""Sanic: neither sanic nor Sanic Extensions has catalogues, locale negotiation or locale formatting."""

FRAMEWORK = "sanic"
CRITERION = "internationalisation"
SHOWS = "claim"
REQUIRES = ["sanic-testing==24.6.0", "sanic-ext==25.12.0", "pydantic==2.14.3"]  # sanic-ext imports pydantic

import pathlib
import pkgutil

import sanic
import sanic_ext
from sanic import Request, Sanic
from sanic.response import json

WORDS = ("gettext", "babel", "i18n", "l10n", "locale", "accept-language", "accept_language")


def hits(package):
    found = []
    for path in pathlib.Path(package.__file__).parent.rglob("*.py"):
        text = path.read_text(encoding="utf-8").lower()
        found += [f"{path.name}:{w}" for w in WORDS if w in text]
    return found


modules = [m.name for pkg in (sanic, sanic_ext) for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + ".")]
print("sanic_ext extensions:", sorted({m.split(".")[2] for m in modules if m.startswith("sanic_ext.extensions.")}))
print("i18n words in sanic:", hits(sanic), "| in sanic_ext:", hits(sanic_ext))
assert hits(sanic) == [] and hits(sanic_ext) == []

app = Sanic("probe_i18n", configure_logging=False)  # Sanic Extensions loads itself when installed


@app.get("/")
async def index(request):
    return json({"accept_language": request.headers.get("accept-language"), "locale": hasattr(request, "locale")})


_, r = app.test_client.get("/", headers={"Accept-Language": "de-DE,de;q=0.9"})
print("request with Accept-Language:", r.json, "| extensions loaded:", [type(e).__name__ for e in app.ext.extensions])
assert r.json == {"accept_language": "de-DE,de;q=0.9", "locale": False} and not hasattr(Request, "locale")
