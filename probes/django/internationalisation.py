"""Django: shipped catalogues, LocaleMiddleware and i18n_patterns pick the language; formats and time zones follow."""

FRAMEWORK = "django"
CRITERION = "internationalisation"
SHOWS = "claim"
REQUIRES = []

import datetime
import zoneinfo

import django
from django.conf import settings

settings.configure(
    SECRET_KEY="probe",
    ALLOWED_HOSTS=["testserver"],
    ROOT_URLCONF=__name__,
    USE_I18N=True,
    USE_TZ=True,
    LANGUAGE_CODE="en",
    LANGUAGES=[("en", "English"), ("fr", "French"), ("de", "German")],
    MIDDLEWARE=["django.middleware.locale.LocaleMiddleware"],
    TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates"}],
)
django.setup()

from django.conf.urls.i18n import i18n_patterns
from django.core.management import get_commands
from django.http import HttpResponse
from django.template import engines
from django.test import Client
from django.urls import path
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

tpl = engines["django"].from_string(
    "{% load i18n %}{% translate 'This field is required.' %}|{{ n }}|{{ d }}|{{ LANGUAGE_CODE }}"
)


def page(request):
    ctx = {"n": 1234567.5, "d": datetime.date(2026, 3, 14), "LANGUAGE_CODE": translation.get_language()}
    return HttpResponse(tpl.render(ctx))


urlpatterns = [path("plain", page), *i18n_patterns(path("page", page))]
client = Client()
for header in ("fr-FR,fr;q=0.9", "de", "ja"):
    print(f"Accept-Language {header}:", client.get("/plain", HTTP_ACCEPT_LANGUAGE=header).content.decode())
fr = client.get("/plain", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9").content.decode()
assert fr.startswith("Ce champ est obligatoire.|") and fr.endswith("|fr")
assert client.get("/plain", HTTP_ACCEPT_LANGUAGE="ja").content.decode().endswith("|en")  # not in LANGUAGES
de_url = client.get("/de/page").content.decode()
print("/de/page:", de_url, "| /page redirects to:", client.get("/page", HTTP_ACCEPT_LANGUAGE="fr")["Location"])
assert de_url.startswith("Dieses Feld ist zwingend erforderlich.|1234567,5|14. März 2026|de")

with translation.override("de"):
    grouped = formats.number_format(1234567.5, decimal_pos=2, force_grouping=True)
    print("German number and gettext('Yes'):", grouped, gettext("Yes"))
    assert grouped == "1.234.567,50"
utc = datetime.datetime(2026, 7, 1, 12, 0, tzinfo=datetime.UTC)
with timezone.override(zoneinfo.ZoneInfo("Asia/Tokyo")):
    local = timezone.localtime(utc)
print("UTC noon in Tokyo:", local.isoformat())
assert local.hour == 21
print("catalogue commands:", sorted(c for c in get_commands() if c.endswith("messages")))
assert {"makemessages", "compilemessages"} <= set(get_commands())
