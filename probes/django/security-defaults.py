"""Django: a new project enforces CSRF and Host checks, sends XFO/nosniff/referrer/COOP headers; HSTS is opt-in."""

FRAMEWORK = "django"
CRITERION = "security-defaults"
SHOWS = "claim"
REQUIRES = []

import logging
import os
import subprocess
import sys
import tempfile

root = tempfile.mkdtemp()
subprocess.run([sys.executable, "-m", "django", "startproject", "fresh", root], check=True)
sys.path.insert(0, root)
os.environ["DJANGO_SETTINGS_MODULE"] = "fresh.settings"

import django

django.setup()
logging.getLogger("django").setLevel(logging.CRITICAL)  # expected 400/403s stay quiet

from django.conf import settings
from django.template import engines
from django.test import Client

client = Client(enforce_csrf_checks=True, HTTP_HOST="localhost")
page = client.get("/admin/login/")
wanted = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
got = {name: page.headers.get(name) for name in wanted}
print("GET /admin/login/:", page.status_code, got)
assert page.status_code == 200 and got == wanted

post = client.post("/admin/login/", {"username": "x", "password": "y"})
print("POST without CSRF token:", post.status_code)
assert post.status_code == 403 and b"CSRF" in post.content

foreign = Client(HTTP_HOST="evil.example").get("/admin/login/")
print("Host evil.example:", foreign.status_code)
assert foreign.status_code == 400

rendered = engines["django"].from_string("{{ v }}").render({"v": "<script>"})
print("autoescaped:", rendered)
assert rendered == "&lt;script&gt;"

print(
    "session cookie HttpOnly/SameSite:",
    settings.SESSION_COOKIE_HTTPONLY,
    settings.SESSION_COOKIE_SAMESITE,
    "| opt-in: SESSION_COOKIE_SECURE",
    settings.SESSION_COOKIE_SECURE,
    "CSRF_COOKIE_SECURE",
    settings.CSRF_COOKIE_SECURE,
    "SECURE_SSL_REDIRECT",
    settings.SECURE_SSL_REDIRECT,
    "SECURE_HSTS_SECONDS",
    settings.SECURE_HSTS_SECONDS,
)
assert settings.SESSION_COOKIE_HTTPONLY and settings.SESSION_COOKIE_SAMESITE == "Lax"
assert not (settings.SESSION_COOKIE_SECURE or settings.CSRF_COOKIE_SECURE or settings.SECURE_SSL_REDIRECT)
assert not settings.SECURE_HSTS_SECONDS and "Strict-Transport-Security" not in page.headers
