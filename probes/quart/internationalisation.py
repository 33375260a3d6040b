"""Quart: core has no i18n; Quart-Babel selects a locale per request, translates from gettext catalogues, formats."""

FRAMEWORK = "quart"
CRITERION = "internationalisation"
SHOWS = "claim"
REQUIRES = ["quart-babel==1.0.7", "babel==2.19.0"]

import asyncio
import importlib.util
import pathlib
import tempfile
from datetime import datetime

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from quart import Quart, request
from quart_babel import Babel, format_currency, format_date, format_decimal, gettext, ngettext

assert importlib.util.find_spec("quart.i18n") is None and not hasattr(Quart, "babel")

catalogues = pathlib.Path(tempfile.mkdtemp())
catalog = Catalog(locale="de")
catalog.add("Hello", "Hallo")
catalog.add(("%(num)d book", "%(num)d books"), ("%(num)d Buch", "%(num)d Bücher"))
(catalogues / "de" / "LC_MESSAGES").mkdir(parents=True)
with open(catalogues / "de" / "LC_MESSAGES" / "messages.mo", "wb") as mo:
    write_mo(mo, catalog)

app = Quart(__name__)
app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(catalogues)


def select_locale():  # a plain function: Quart-Babel calls it without awaiting
    return request.accept_languages.best_match(["en", "de"])


Babel(app, locale_selector=select_locale)


@app.get("/")
async def index():
    return " | ".join(
        [
            gettext("Hello"),
            ngettext("%(num)d book", "%(num)d books", 3),
            format_decimal(1234567.5),
            format_currency(9.5, "EUR"),
            format_date(datetime(2026, 3, 1), format="long"),
        ]
    )


async def main():
    client = app.test_client()
    for lang in ("de-DE,de;q=0.9", "en-US"):
        body = await (await client.get("/", headers={"Accept-Language": lang})).get_data(as_text=True)
        print(lang, "->", body)
        if lang.startswith("de"):
            assert body == "Hallo | 3 Bücher | 1.234.567,5 | 9,50\xa0€ | 1. März 2026"
        else:
            assert body == "Hello | 3 books | 1,234,567.5 | €9.50 | March 1, 2026"


asyncio.run(main())
