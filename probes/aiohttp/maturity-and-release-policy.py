"""aiohttp: 3.x declares Python 3.10-3.14, and an API deprecated in 2017 still runs with a DeprecationWarning."""

FRAMEWORK = "aiohttp"
CRITERION = "maturity-and-release-policy"
SHOWS = "claim"
REQUIRES = []

import asyncio
import importlib.metadata
import sys
import warnings

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

meta = importlib.metadata.metadata("aiohttp")
pythons = sorted(
    c.rsplit(" ", 1)[1] for c in meta.get_all("Classifier") if c.startswith("Programming Language :: Python :: 3.")
)
print("aiohttp", aiohttp.__version__, "| Requires-Python", meta["Requires-Python"], "| classifiers", pythons)
print("running on", sys.version.split()[0])
assert int(aiohttp.__version__.split(".")[0]) >= 3
assert meta["Requires-Python"] == ">=3.10"
assert {"3.10", "3.11", "3.12", "3.13", "3.14"} <= set(pythons)


async def old_style_factory(app, handler):  # the pre-2.3 middleware form, deprecated in 2017 (#2252)
    async def middleware(request):
        response = await handler(request)
        response.headers["X-Old-Style"] = "still runs"
        return response

    return middleware


async def hello(request):
    return web.Response(text="hi")


async def main():
    app = web.Application(middlewares=[old_style_factory])
    app.router.add_get("/", hello)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        async with TestClient(TestServer(app)) as client:
            r = await client.get("/")
            header = r.headers.get("X-Old-Style")
    messages = [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)]
    print("deprecated middleware:", r.status, header, "| warnings:", messages)
    assert header == "still runs"
    assert any("old-style middleware" in m and "deprecated" in m for m in messages)


asyncio.run(main())
