"""aiohttp: set_cookie() takes secure/httponly/samesite (none by default); sessions come from aiohttp-session."""

FRAMEWORK = "aiohttp"
CRITERION = "sessions-and-cookies"
SHOWS = "claim"
REQUIRES = ["aiohttp-session==2.12.1", "cryptography==51.0.1"]

import asyncio
import os

import aiohttp_session
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from aiohttp_session.cookie_storage import EncryptedCookieStorage


async def cookies(request):
    resp = web.Response(text=f"read={request.cookies.get('theme')}")
    resp.set_cookie("plain", "1")
    resp.set_cookie("strict", "1", secure=True, httponly=True, samesite="Strict", max_age=60)
    return resp


async def counter(request):
    session = await aiohttp_session.get_session(request)
    session["visits"] = session.get("visits", 0) + 1
    return web.Response(text=str(session["visits"]))


async def main():
    core = web.Application()
    core.router.add_get("/c", cookies)
    async with TestClient(TestServer(core)) as client:
        r = await client.get("/c", headers={"Cookie": "theme=dark"})
        set_cookie = r.headers.getall("Set-Cookie")
        print(await r.text(), set_cookie)
        plain = next(c for c in set_cookie if c.startswith("plain="))
        strict = next(c for c in set_cookie if c.startswith("strict="))
        assert await r.text() == "read=dark"
        assert plain == "plain=1; Path=/"  # Secure and HttpOnly are opt-in
        assert all(a in strict for a in ("HttpOnly", "Secure", "SameSite=Strict", "Max-Age=60"))
    print("session helpers in aiohttp.web:", [n for n in dir(web) if "session" in n.lower()])
    assert not [n for n in dir(web) if "session" in n.lower()]

    app = web.Application()
    aiohttp_session.setup(app, EncryptedCookieStorage(os.urandom(32), httponly=True, samesite="Lax"))
    app.router.add_get("/n", counter)
    async with TestClient(TestServer(app)) as client:
        first = await client.get("/n")
        header = first.headers["Set-Cookie"]
        seen = [await first.text()] + [await (await client.get("/n")).text() for _ in range(2)]
        print("visits:", seen, "| session cookie:", header[:40], "...", header.split(";", 1)[1])
        assert seen == ["1", "2", "3"] and "visits" not in header  # the stored data is encrypted
        assert "HttpOnly" in header and "SameSite=Lax" in header


asyncio.run(main())
