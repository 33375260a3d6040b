"""aiohttp: @web.middleware wraps every handler, core sends no CORS headers, and aiohttp-cors answers preflights."""

FRAMEWORK = "aiohttp"
CRITERION = "middleware-and-cors"
SHOWS = "claim"
REQUIRES = ["aiohttp-cors==0.8.1"]

import asyncio

import aiohttp_cors
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

PREFLIGHT = {"Origin": "https://app.example", "Access-Control-Request-Method": "POST"}


@web.middleware
async def timing(request, handler):
    if request.path == "/blocked":
        return web.Response(status=403, text="stopped by middleware")  # returns early
    response = await handler(request)
    response.headers["X-Wrapped"] = "yes"
    return response


async def hello(request):
    return web.Response(text="hi")


def make_app(with_cors):
    app = web.Application(middlewares=[timing])
    route = app.router.add_post("/api", hello)
    app.router.add_get("/blocked", hello)
    if with_cors:
        cors = aiohttp_cors.setup(app)
        cors.add(route, {"https://app.example": aiohttp_cors.ResourceOptions(allow_headers="*", max_age=600)})
    return app


async def main():
    async with TestClient(TestServer(make_app(False))) as client:
        r = await client.post("/api")
        print("middleware:", r.status, r.headers.get("X-Wrapped"), await r.text())
        assert r.headers["X-Wrapped"] == "yes"
        blocked = await client.get("/blocked")
        assert blocked.status == 403
        bare = await client.options("/api", headers=PREFLIGHT)
        print("core preflight:", bare.status, bare.headers.get("Access-Control-Allow-Origin"))
        assert bare.status == 405 and "Access-Control-Allow-Origin" not in bare.headers
    async with TestClient(TestServer(make_app(True))) as client:
        pre = await client.options("/api", headers=PREFLIGHT)
        got = {k: v for k, v in pre.headers.items() if k.startswith("Access-Control")}
        print("aiohttp-cors preflight:", pre.status, got)
        assert pre.status == 200 and got["Access-Control-Allow-Origin"] == "https://app.example"
        assert "POST" in got["Access-Control-Allow-Methods"] and got["Access-Control-Max-Age"] == "600"
        r = await client.post("/api", headers={"Origin": "https://app.example"})
        print("actual request:", r.status, r.headers.get("Access-Control-Allow-Origin"), r.headers.get("X-Wrapped"))
        assert r.headers["Access-Control-Allow-Origin"] == "https://app.example"
        other = await client.post("/api", headers={"Origin": "https://evil.example"})
        assert "Access-Control-Allow-Origin" not in other.headers


asyncio.run(main())
