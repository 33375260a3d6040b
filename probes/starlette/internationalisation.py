"""Starlette: no i18n of its own; Starlette-Babel picks a locale per request, translates gettext catalogues, formats."""

FRAMEWORK = "starlette"
CRITERION = "internationalisation"
SHOWS = "claim"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2", "starlette-babel==1.2.0", "babel==2.19.0"]

import pathlib
import pkgutil
import tempfile
from datetime import datetime

import starlette
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient
from starlette_babel import (
    LocaleMiddleware,
    format_currency,
    format_date,
    format_decimal,
    gettext,
    load_messages_from_directories,
    ngettext,
)

modules = [m.name for m in pkgutil.walk_packages(starlette.__path__)]
assert not any(w in m for m in modules for w in ("i18n", "locale", "babel", "translat")), modules

catalogues = pathlib.Path(tempfile.mkdtemp())
catalog = Catalog(locale="de")
catalog.add("Hello", "Hallo")
catalog.add(("{count} book", "{count} books"), ("{count} Buch", "{count} Bücher"))
(catalogues / "de" / "LC_MESSAGES").mkdir(parents=True)
with open(catalogues / "de" / "LC_MESSAGES" / "messages.mo", "wb") as mo:
    write_mo(mo, catalog)
load_messages_from_directories([catalogues])


async def index(request):
    parts = [
        gettext("Hello"),
        ngettext("{count} book", "{count} books", 3),
        format_decimal(1234567.5),
        format_currency(9.5, "EUR"),
        format_date(datetime(2026, 3, 1), format="long"),
        request.state.language,
    ]
    return PlainTextResponse(" | ".join(parts))


app = Starlette(
    routes=[Route("/", index)], middleware=[Middleware(LocaleMiddleware, locales=["en", "de"], default_locale="en")]
)
client = TestClient(app)
cases = {"header": ({"Accept-Language": "de-DE,de;q=0.9"}, "/"), "query": ({}, "/?lang=de"), "default": ({}, "/")}
for name, (headers, url) in cases.items():
    r = client.get(url, headers=headers)
    print(f"{name}: {r.text} | Content-Language: {r.headers['content-language']}")
    if name == "default":
        assert r.text == "Hello | 3 books | 1,234,567.5 | €9.50 | March 1, 2026 | en"
    else:
        assert r.text == "Hallo | 3 Bücher | 1.234.567,5 | 9,50\xa0€ | 1. März 2026 | de"
