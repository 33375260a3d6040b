"""Django: request.session in server-side or signed-cookie stores, signed cookies, HttpOnly/SameSite=Lax defaults."""

FRAMEWORK = "django"
CRITERION = "sessions-and-cookies"
SHOWS = "claim"
REQUIRES = []

import django
from django.conf import settings

settings.configure(
    SECRET_KEY="probe-secret",
    ALLOWED_HOSTS=["testserver"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=["django.contrib.sessions"],
    MIDDLEWARE=["django.contrib.sessions.middleware.SessionMiddleware"],
    SESSION_ENGINE="django.contrib.sessions.backends.cache",  # server-side, in the local-memory cache
)
django.setup()

from django.core.signing import BadSignature
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path


def visits(request):
    request.session["n"] = request.session.get("n", 0) + 1
    return HttpResponse(str(request.session["n"]))


def cookies(request):
    try:
        user = request.get_signed_cookie("user", salt="probe")
    except (KeyError, BadSignature) as exc:
        user = type(exc).__name__
    response = HttpResponse(f"{user}|{request.COOKIES.get('theme')}")
    response.set_cookie("theme", "dark", samesite="Strict", secure=True, httponly=True, max_age=60)
    response.set_signed_cookie("user", "ada", salt="probe")
    return response


urlpatterns = [path("visits", visits), path("cookies", cookies)]

for engine in ("cache", "signed_cookies"):
    with override_settings(SESSION_ENGINE=f"django.contrib.sessions.backends.{engine}"):
        client = Client()
        seen = [client.get("/visits").content.decode() for _ in range(3)]
        morsel = client.cookies["sessionid"]
        print(
            engine, "session:", seen, "| cookie flags:", morsel["httponly"], morsel["samesite"], repr(morsel["secure"])
        )
        assert seen == ["1", "2", "3"]
        assert morsel["httponly"] is True and morsel["samesite"] == "Lax" and not morsel["secure"]  # Secure is opt-in
print("signed_cookies session cookie (signed JSON):", client.cookies["sessionid"].value[:30], "...")

client = Client()
first = client.get("/cookies")
theme, signed = first.cookies["theme"], first.cookies["user"].value
print("theme cookie:", theme.OutputString(), "| signed value:", signed)
assert theme["samesite"] == "Strict" and theme["secure"] and theme["httponly"] and signed.startswith("ada:")
print("read back:", client.get("/cookies").content.decode())
client.cookies["user"] = signed.replace("ada", "eve")
tampered = client.get("/cookies").content.decode()
print("tampered signed cookie:", tampered)
assert tampered.startswith("BadSignature|")
