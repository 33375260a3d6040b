"""aiohttp: handlers get a web.Request with match_info, query, headers, cookies, json() and dict storage."""

FRAMEWORK = "aiohttp"
CRITERION = "request-object"
SHOWS = "presence"
REQUIRES = []

import asyncio

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer


@web.middleware
async def tag(request, handler):
    request["tag"] = "set-by-middleware"  # per-request mapping storage
    return await handler(request)


async def echo(request: web.Request):
    assert isinstance(request, web.Request)
    body = await request.json()
    return web.json_response(
        {
            "item": request.match_info["item"],
            "q": request.query.get("q"),
            "agent": request.headers.get("X-Probe"),
            "cookie": request.cookies.get("c"),
            "body": body,
            "tag": request["tag"],
        }
    )


async def main():
    app = web.Application(middlewares=[tag])
    app.router.add_post("/items/{item}", echo)
    async with TestClient(TestServer(app)) as client:
        r = await client.post("/items/42?q=x", json={"a": 1}, headers={"X-Probe": "yes", "Cookie": "c=choc"})
        data = await r.json()
        print(r.status, data)
        assert data == {
            "item": "42",
            "q": "x",
            "agent": "yes",
            "cookie": "choc",
            "body": {"a": 1},
            "tag": "set-by-middleware",
        }


asyncio.run(main())
