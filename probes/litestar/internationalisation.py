"""Litestar: no translation, locale negotiation or locale formatting; a handler gets only the raw Accept-Language."""

FRAMEWORK = "litestar"
CRITERION = "internationalisation"
SHOWS = "claim"
REQUIRES = ["httpx==0.27.2"]  # older releases' test clients pass app=, which httpx 0.28 removed

import pkgutil

import litestar
from litestar import Litestar, Request, get
from litestar.testing import TestClient

words = ("i18n", "l10n", "babel", "gettext", "locale", "translat", "language")
modules = [
    m.name for m in pkgutil.walk_packages(litestar.__path__, "litestar.") if any(w in m.name.lower() for w in words)
]
exports = [n for n in dir(litestar) if any(w in n.lower() for w in words)]
print("i18n modules in litestar:", modules, "| top-level names:", exports)
assert not modules and not exports

request_attrs = [a for a in dir(Request) if any(w in a.lower() for w in words)]
print("locale-related Request attributes:", request_attrs)
assert not request_attrs


@get("/", sync_to_thread=False)
def home(request: Request) -> dict:
    # What a project does by hand: read the header itself and pick a language.
    header = request.headers.get("accept-language", "")
    wanted = [part.split(";")[0].strip() for part in header.split(",") if part]
    return {"raw": header, "picked": next((w[:2] for w in wanted if w[:2] in ("de", "en")), "en")}


with TestClient(Litestar([home])) as client:
    r = client.get("/", headers={"Accept-Language": "de-CH,de;q=0.9,en;q=0.5"})
print("hand-rolled negotiation:", r.json(), "| Content-Language set by Litestar:", r.headers.get("content-language"))
assert r.json()["picked"] == "de" and "content-language" not in r.headers
