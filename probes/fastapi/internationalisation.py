"""FastAPI + Starlette-Babel: none in FastAPI; LocaleMiddleware picks the locale, gettext and formatters follow."""

FRAMEWORK = "fastapi"
CRITERION = "internationalisation"
SHOWS = "claim"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2", "starlette-babel==1.2.0"]

import importlib.util
import io
from decimal import Decimal

import fastapi
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.support import Translations
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette_babel import LocaleMiddleware, format_currency, get_locale, get_translator, gettext_lazy

found = [m for m in ("fastapi.i18n", "fastapi.babel", "fastapi.locale") if importlib.util.find_spec(m)]
names = [n for n in dir(fastapi) if any(w in n.lower() for w in ("gettext", "locale", "translat"))]
print("i18n in fastapi itself:", found, names)
assert not found and not names

catalog = Catalog(locale="de")
catalog.add("Hello, world", "Hallo, Welt")
mo = io.BytesIO()
write_mo(mo, catalog)
mo.seek(0)
get_translator().add_translations("de", Translations(mo))
_ = gettext_lazy

app = FastAPI()
app.add_middleware(LocaleMiddleware, locales=["en", "de"], default_locale="en")


@app.get("/")
def hello():
    return {
        "locale": str(get_locale()),
        "text": str(_("Hello, world")),
        "price": format_currency(Decimal("1234.5"), "EUR"),
    }


client = TestClient(app)
for header in ("de-DE,de;q=0.9", "en-GB", "fr"):
    r = client.get("/", headers={"Accept-Language": header})
    print(f"Accept-Language {header!r}:", r.json(), "| Content-Language:", r.headers["content-language"])
de, en = client.get("/", headers={"Accept-Language": "de-DE"}).json(), client.get("/?lang=en").json()
assert de == {"locale": "de", "text": "Hallo, Welt", "price": "1.234,50\xa0€"}
assert en == {"locale": "en", "text": "Hello, world", "price": "€1,234.50"}
