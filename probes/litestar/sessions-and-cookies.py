"""Litestar: AES-GCM cookie sessions and server-side sessions in a store; typed cookies; HttpOnly, SameSite=Lax."""

FRAMEWORK = "litestar"
CRITERION = "sessions-and-cookies"
SHOWS = "claim"
REQUIRES = ["httpx==0.27.2", "cryptography==51.0.1"]  # httpx: older releases' test clients pass app=

import base64
import os

from litestar import Litestar, Request, Response, get
from litestar.datastructures import Cookie
from litestar.middleware.session.client_side import CookieBackendConfig
from litestar.middleware.session.server_side import ServerSideSessionConfig
from litestar.params import FromCookie
from litestar.testing import TestClient


@get("/login", sync_to_thread=False, response_cookies=[Cookie(key="theme", value="dark")])
def login(request: Request) -> Response:
    request.set_session({"user": "ada", "roles": ["admin"]})
    response = Response("ok")
    response.set_cookie("tracking", "1", secure=True, max_age=60)
    return response


@get("/me", sync_to_thread=False)
def me(request: Request, theme: FromCookie[str]) -> dict:
    return {"session": request.session, "theme": theme}


for config in (CookieBackendConfig(secret=os.urandom(16)), ServerSideSessionConfig()):
    with TestClient(Litestar([login, me], middleware=[config.middleware])) as client:
        cookies = client.get("/login").headers.get_list("set-cookie")
        session_cookie = next(c for c in cookies if c.startswith("session="))
        print(
            type(config).__name__,
            "Set-Cookie:",
            *(c[:60] + "..." + c[-70:] if len(c) > 140 else c for c in cookies),
            sep="\n  ",
        )
        assert "HttpOnly" in session_cookie and "SameSite=lax" in session_cookie and "Secure" not in session_cookie
        assert "Max-Age=1209600" in session_cookie, "14 days"
        assert client.get("/me").json() == {"session": {"user": "ada", "roles": ["admin"]}, "theme": "dark"}
        raw = session_cookie.split(";")[0].split("=", 1)[1].strip('"')
        if isinstance(config, CookieBackendConfig):
            assert b"ada" not in base64.b64decode(raw.split("*")[0] + "=="), "the cookie is encrypted, not readable"
            with TestClient(
                Litestar([login, me], middleware=[CookieBackendConfig(secret=os.urandom(16)).middleware])
            ) as other:
                other.cookies.set("session", raw)
                other.cookies.set("theme", "dark")
                print("  the cookie sent to an app with another key ->", other.get("/me").json())
                assert other.get("/me").json()["session"] == {}
        else:
            print(
                "  server-side cookie holds only an id:",
                raw,
                "| store:",
                type(config.get_store_from_app(client.app)).__name__,
            )
            assert len(raw) <= 64 and "ada" not in raw
