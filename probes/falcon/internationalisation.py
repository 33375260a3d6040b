"""Falcon: no translation, catalogues, locale negotiation or formatting ship; Accept-Language is just a header."""

FRAMEWORK = "falcon"
CRITERION = "internationalisation"
SHOWS = "claim"
REQUIRES = []

import importlib.metadata
import pathlib
import pkgutil

import falcon
import falcon.testing

WORDS = ("i18n", "l10n", "locale", "translat", "gettext", "babel")
modules = [m.name for m in pkgutil.walk_packages(falcon.__path__, "falcon.") if not m.name.startswith("falcon.bench")]
i18n_modules = [m for m in modules if any(w in m for w in WORDS)]
names = [n for n in dir(falcon) + dir(falcon.Request) if any(w in n.lower() for w in (*WORDS, "language"))]
catalogues = [str(f) for f in importlib.metadata.files("falcon") if str(f).endswith((".po", ".mo"))]
root = pathlib.Path(falcon.__file__).parent
imports = sorted(
    str(p.relative_to(root))
    for p in root.rglob("*.py")
    if "bench" not in p.parts and any(f"import {w}" in p.read_text() for w in ("gettext", "babel", "locale"))
)
print(
    "i18n modules:",
    i18n_modules,
    "| names:",
    names,
    "| catalogues:",
    catalogues,
    "| gettext/babel/locale imports:",
    imports,
)
assert i18n_modules == [] and names == [] and catalogues == [] and imports == []


class Greeting:  # what a project writes itself: read the header and pick a language
    def on_get(self, req, resp):
        resp.media = {"accept_language": req.get_header("Accept-Language")}


app = falcon.App()
app.add_route("/", Greeting())
client = falcon.testing.TestClient(app)
r = client.simulate_get("/", headers={"Accept-Language": "fr-FR,fr;q=0.9"})
missing = client.simulate_get("/nowhere", headers={"Accept-Language": "fr-FR"})
print("handler sees:", r.json, "| French 404:", missing.json)
assert r.json == {"accept_language": "fr-FR,fr;q=0.9"}
assert missing.json["title"] == "404 Not Found"  # falcon's own messages stay English
