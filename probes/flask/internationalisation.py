"""Flask + Flask-Babel 4.0.0: per-request locale selector, gettext catalogues, Jinja _() and locale-aware formatting."""

FRAMEWORK = "flask"
CRITERION = "internationalisation"
SHOWS = "claim"
REQUIRES = ["Flask-Babel==4.0.0"]

import importlib.util
import os
from datetime import datetime
from decimal import Decimal

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from flask import Flask, render_template_string, request
from flask_babel import Babel, format_currency, format_datetime, gettext, ngettext

print("i18n in Flask itself:", [m for m in ("flask.i18n", "flask.babel") if importlib.util.find_spec(m)])
assert importlib.util.find_spec("flask.i18n") is None

os.makedirs("translations/de/LC_MESSAGES")  # what `pybabel compile` would produce
catalog = Catalog(locale="de")
catalog.add("Welcome", "Willkommen")
catalog.add(("%(num)d item", "%(num)d items"), ("%(num)d Artikel", "%(num)d Artikel"))
with open("translations/de/LC_MESSAGES/messages.mo", "wb") as mo:
    write_mo(mo, catalog)

app = Flask("probeapp", root_path=os.getcwd())
Babel(
    app,
    locale_selector=lambda: request.accept_languages.best_match(["en", "de"]),
    timezone_selector=lambda: "Europe/Berlin",
)


@app.get("/")
def home():
    when = format_datetime(datetime(2026, 3, 1, 12, 0), "medium")  # naive times are UTC, shown in the selected zone
    return {
        "text": gettext("Welcome"),
        "plural": ngettext("%(num)d item", "%(num)d items", 3),
        "jinja": render_template_string("{{ _('Welcome') }}"),
        "price": format_currency(Decimal("1234.5"), "EUR"),
        "when": when,
    }


client = app.test_client()
de = client.get("/", headers={"Accept-Language": "de-DE,de;q=0.9"}).json
en = client.get("/", headers={"Accept-Language": "en-US"}).json
print("de:", de)
print("en:", en)
assert de["text"] == de["jinja"] == "Willkommen" and de["plural"] == "3 Artikel"
assert de["price"] == "1.234,50\xa0€" and de["when"].startswith("01.03.2026, 13:00")
assert en["text"] == "Welcome" and en["plural"] == "3 items" and en["price"] == "€1,234.50"
