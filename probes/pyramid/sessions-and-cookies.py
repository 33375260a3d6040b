"""Pyramid: SignedCookieSessionFactory: signed, readable JSON cookie, flash and CSRF; Lax, not Secure/HttpOnly."""

FRAMEWORK = "pyramid"
CRITERION = "sessions-and-cookies"
SHOWS = "claim"
REQUIRES = []

import base64
import json

from pyramid.config import Configurator
from pyramid.csrf import get_csrf_token
from pyramid.session import SignedCookieSessionFactory
from webob import Request


def login(request):
    request.session["user"] = "ada"
    request.session.flash("welcome back")
    request.response.set_cookie("theme", "dark", samesite="Lax", httponly=True, secure=True)
    return {"csrf": get_csrf_token(request)}


def me(request):
    return {
        "user": request.session.get("user"),
        "flash": request.session.pop_flash(),
        "theme": request.cookies.get("theme"),
    }


def make_app(secret):
    with Configurator() as config:
        config.set_session_factory(SignedCookieSessionFactory(secret))
        config.add_route("login", "/login")
        config.add_route("me", "/me")
        config.add_view(login, route_name="login", renderer="json")
        config.add_view(me, route_name="me", renderer="json")
        return config.make_wsgi_app()


app = make_app("s3cret")
r = Request.blank("/login").get_response(app)
set_cookies = r.headers.getall("Set-Cookie")
print("Set-Cookie:", *set_cookies, sep="\n  ")
session_cookie = next(c for c in set_cookies if c.startswith("session="))
flags = session_cookie.lower()
assert "samesite=lax" in flags and "secure" not in flags and "httponly" not in flags, (
    "defaults: Lax, not Secure, not HttpOnly"
)
assert any(c.startswith("theme=") and "HttpOnly" in c and "secure" in c for c in set_cookies)
value = session_cookie.split(";")[0].split("=", 1)[1].strip('"')
payload = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))[64:]  # after the HMAC-SHA512 signature
print("readable by the client (JSON after the signature):", payload.decode()[:120])
assert json.loads(payload)[2]["user"] == "ada" and r.json["csrf"] in payload.decode()

cookies = "; ".join(c.split(";")[0] for c in set_cookies)
back = Request.blank("/me", headers={"Cookie": cookies}).get_response(app).json
other = Request.blank("/me", headers={"Cookie": cookies}).get_response(make_app("another-secret")).json
print("read back:", back, "| under another secret:", other)
assert back == {"user": "ada", "flash": ["welcome back"], "theme": "dark"}
assert other["user"] is None, "a cookie signed with another secret is dropped"
