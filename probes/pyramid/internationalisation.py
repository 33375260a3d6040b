"""Pyramid: translation strings, gettext catalogues, localizer and locale negotiators ship; locale formatting not."""

FRAMEWORK = "pyramid"
CRITERION = "internationalisation"
SHOWS = "claim"
REQUIRES = ["Babel==2.19.0"]  # only to compile the catalogue, as msgfmt would

import os

import pyramid.i18n
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from pyramid.config import Configurator
from pyramid.i18n import Localizer, TranslationStringFactory
from webob import Request

os.makedirs("locale/de/LC_MESSAGES")
catalog = Catalog(locale="de", domain="shop")
catalog.add("Welcome, ${name}", "Willkommen, ${name}")
catalog.add(("${n} item", "${n} items"), ("${n} Artikel", "${n} Artikel"))
with open("locale/de/LC_MESSAGES/shop.mo", "wb") as mo:
    write_mo(mo, catalog)

_ = TranslationStringFactory("shop")


def home(request):
    loc = request.localizer
    return {
        "locale": request.locale_name,
        "text": loc.translate(_("Welcome, ${name}", mapping={"name": "Ada"})),
        "plural": loc.pluralize("${n} item", "${n} items", 3, domain="shop", mapping={"n": 3}),
    }


def accept_language_negotiator(request):  # what a project writes to honour Accept-Language
    return request.accept_language.best_match(["en", "de"], default_match="en")


def make_app(negotiator=None):
    with Configurator(settings={"pyramid.default_locale_name": "en"}) as config:
        config.add_translation_dirs(os.path.abspath("locale"))
        if negotiator:
            config.set_locale_negotiator(negotiator)
        config.add_route("home", "/")
        config.add_view(home, route_name="home", renderer="json")
        return config.make_wsgi_app()


default = make_app()
print("?_LOCALE_=de:", Request.blank("/?_LOCALE_=de").get_response(default).json)
print("_LOCALE_ cookie:", Request.blank("/", cookies={"_LOCALE_": "de"}).get_response(default).json)
print("Accept-Language only, default negotiator:", Request.blank("/", accept_language="de").get_response(default).json)
assert Request.blank("/?_LOCALE_=de").get_response(default).json == {
    "locale": "de",
    "text": "Willkommen, Ada",
    "plural": "3 Artikel",
}
assert Request.blank("/", accept_language="de").get_response(default).json["locale"] == "en", (
    "the default negotiator ignores the header"
)
custom = Request.blank("/", accept_language="de-DE,de;q=0.9").get_response(make_app(accept_language_negotiator)).json
print("custom negotiator:", custom)
assert custom["text"] == "Willkommen, Ada"

formatting = [
    n
    for n in dir(pyramid.i18n) + dir(Localizer)
    if not n.startswith("__") and any(w in n.lower() for w in ("format", "currency", "date", "number"))
]
print("formatting helpers in pyramid.i18n / Localizer:", formatting)
assert not formatting, "dates, numbers and currencies are left to Babel"
