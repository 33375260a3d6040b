"""aiohttp: RouteTableDef with {name:regex} variables, url_for reversing and add_subapp; path values stay strings."""

FRAMEWORK = "aiohttp"
CRITERION = "routing"
SHOWS = "claim"
REQUIRES = []

import asyncio

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

routes = web.RouteTableDef()


@routes.get(r"/posts/{pk:\d+}", name="post")
async def post(request):
    pk = request.match_info["pk"]
    return web.json_response({"pk": pk, "type": type(pk).__name__})


async def admin_home(request):
    return web.Response(text="admin")


async def main():
    app = web.Application()
    app.add_routes(routes)
    admin = web.Application()
    admin.router.add_get("/", admin_home)
    app.add_subapp("/admin/", admin)
    url = app.router["post"].url_for(pk="7")
    print("url_for:", url)
    assert str(url) == "/posts/7"
    async with TestClient(TestServer(app)) as client:
        ok = await client.get("/posts/7")
        data = await ok.json()
        bad = await client.get("/posts/seven")
        sub = await client.get("/admin/")
        print("GET /posts/7", ok.status, data, "| /posts/seven", bad.status, "| /admin/", sub.status, await sub.text())
        assert ok.status == 200 and bad.status == 404 and sub.status == 200
        # The stated limit: no converters, the value arrives as a string.
        assert data == {"pk": "7", "type": "str"}


asyncio.run(main())
