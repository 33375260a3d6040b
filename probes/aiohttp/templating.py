"""aiohttp: aiohttp-jinja2 renders Jinja2 templates through @template with autoescaping on by default."""

FRAMEWORK = "aiohttp"
CRITERION = "templating"
SHOWS = "claim"
REQUIRES = ["aiohttp-jinja2==1.6", "Jinja2==3.1.6"]

import asyncio
import importlib.util

import aiohttp_jinja2
import jinja2
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer


@aiohttp_jinja2.template("page.html")
async def page(request):
    return {"name": request.query["name"]}


async def main():
    app = web.Application()
    aiohttp_jinja2.setup(app, loader=jinja2.DictLoader({"page.html": "<p>Hello {{ name }}</p>"}))
    app.router.add_get("/", page)
    async with TestClient(TestServer(app)) as client:
        r = await client.get("/", params={"name": "<script>"})
        body = await r.text()
        print(r.status, r.headers["Content-Type"], body)
        assert body == "<p>Hello &lt;script&gt;</p>"


assert importlib.util.find_spec("aiohttp.template") is None and importlib.util.find_spec("aiohttp.templating") is None
asyncio.run(main())
