"""aiohttp: bodies over 1 MiB are refused, but cookies lack Secure/HttpOnly and no CSRF or frame headers apply."""

FRAMEWORK = "aiohttp"
CRITERION = "security-defaults"
SHOWS = "claim"
REQUIRES = []

import asyncio

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer


async def upload(request):
    body = await request.read()
    response = web.Response(text=f"read {len(body)}")
    response.set_cookie("sid", "abc")
    return response


async def main():
    app = web.Application()
    app.router.add_post("/", upload)
    async with TestClient(TestServer(app)) as client:
        small = await client.post("/", data=b"x" * 1000)
        at_cap = await client.post("/", data=b"x" * 1024**2)
        big = await client.post("/", data=b"x" * (1024**2 + 1))
        cookie = small.headers.get("Set-Cookie", "")
        print("small POST (no CSRF token):", small.status, await small.text())
        print("1 MiB POST:", at_cap.status, "| 1 MiB + 1 byte POST:", big.status)
        print("Set-Cookie:", cookie)
        print("X-Frame-Options:", small.headers.get("X-Frame-Options"))
        assert small.status == 200  # no CSRF check on an unsafe method
        assert at_cap.status == 200 and big.status == 413  # client_max_size default
        assert "secure" not in cookie.lower() and "httponly" not in cookie.lower()
        assert "X-Frame-Options" not in small.headers


asyncio.run(main())
