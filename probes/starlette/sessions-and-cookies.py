"""Starlette: SessionMiddleware keeps a signed, HttpOnly, SameSite=lax cookie; set_cookie() does plain ones."""

FRAMEWORK = "starlette"
CRITERION = "sessions-and-cookies"
SHOWS = "claim"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2", "itsdangerous==2.2.0"]

import sys

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient


async def login(request):
    request.session["user"] = "ada"
    return PlainTextResponse("ok")


async def me(request):
    return PlainTextResponse(request.session.get("user", "anonymous"))


async def cookie(request):
    response = PlainTextResponse(f"theme={request.cookies.get('theme')}")
    response.set_cookie("plain", "1")
    response.set_cookie("pref", "dark", max_age=60, secure=True, httponly=True, samesite="strict")
    try:
        response.set_cookie("chip", "1", secure=True, partitioned=True)
    except ValueError as exc:  # Starlette relies on http.cookies, which gained Partitioned in Python 3.14
        response.headers["x-partitioned"] = str(exc)
    return response


def make_app(**options):
    routes = [Route("/login", login), Route("/me", me), Route("/cookie", cookie)]
    return Starlette(routes=routes, middleware=[Middleware(SessionMiddleware, secret_key="probe-secret", **options)])


client = TestClient(make_app())
set_cookie = client.get("/login").headers["set-cookie"]
print("session cookie:", set_cookie)
assert set_cookie.startswith("session=") and "httponly" in set_cookie and "samesite=lax" in set_cookie
assert "secure" not in set_cookie and "max-age=1209600" in set_cookie.lower()  # two weeks
value = set_cookie.split(";")[0].split("=", 1)[1]
seen = {}
for label, cookie_value in (("copied", value), ("tampered", value[:-4] + ("AAAA" if value[-4:] != "AAAA" else "BBBB"))):
    seen[label] = TestClient(make_app(), cookies={"session": cookie_value}).get("/me").text
print("cookie sent by another client:", seen)
assert seen == {"copied": "ada", "tampered": "anonymous"}
https = TestClient(make_app(https_only=True), base_url="https://testserver").get("/login").headers["set-cookie"]
print("https_only=True:", https)
assert "secure" in https

r = client.get("/cookie", headers={"Cookie": "theme=light"})
plain, pref, *chip = r.headers.get_list("set-cookie")
print(r.text, "|", plain, "|", pref, "|", chip or r.headers["x-partitioned"])
assert r.text == "theme=light" and "samesite=lax" in plain.lower() and "secure" not in plain.lower()
assert "httponly" not in plain.lower()
for flag in ("Secure", "HttpOnly", "SameSite=strict", "Max-Age=60"):
    assert flag in pref, flag
assert "Partitioned" in chip[0] if sys.version_info >= (3, 14) else "Python 3.14" in r.headers["x-partitioned"]
