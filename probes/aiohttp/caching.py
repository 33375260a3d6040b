"""aiohttp: only HTTP caching helpers ship (ETag/conditional parsing, 304 from static routes); no cache API."""

FRAMEWORK = "aiohttp"
CRITERION = "caching"
SHOWS = "claim"
REQUIRES = []

import asyncio
import datetime
import pathlib
import pkgutil
import tempfile

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

CURRENT = "v42"
calls = []


async def article(request):
    calls.append(request.if_none_match)
    if any(tag.value == CURRENT for tag in request.if_none_match or ()):
        raise web.HTTPNotModified()  # the comparison is application code
    resp = web.Response(text="body")
    resp.etag = CURRENT
    resp.last_modified = datetime.datetime(2026, 1, 2, tzinfo=datetime.UTC)
    resp.headers["Cache-Control"] = "max-age=60"
    return resp


async def main():
    folder = pathlib.Path(tempfile.mkdtemp())
    (folder / "a.css").write_text("body{}")
    app = web.Application()
    app.router.add_get("/article", article)
    app.router.add_static("/static", folder)
    async with TestClient(TestServer(app)) as client:
        r = await client.get("/article")
        print("dynamic:", r.status, r.headers["ETag"], r.headers["Last-Modified"], r.headers["Cache-Control"])
        assert r.headers["ETag"] == '"v42"'
        again = await client.get("/article", headers={"If-None-Match": '"v42"'})
        print("conditional:", again.status, "| parsed If-None-Match:", calls[-1])
        assert again.status == 304 and isinstance(calls[-1][0], aiohttp.ETag)
        s = await client.get("/static/a.css")
        s304 = await client.get("/static/a.css", headers={"If-None-Match": s.headers["ETag"]})
        print("static:", s.status, s.headers["ETag"], "->", s304.status)
        assert s304.status == 304
        assert len(calls) == 2  # nothing cached the handler's response


asyncio.run(main())
modules = [m.name for m in pkgutil.walk_packages(aiohttp.__path__, "aiohttp.") if "cach" in m.name]
names = [n for n in dir(web) if "cach" in n.lower() and not n.startswith("__")]
print("cache modules in aiohttp:", modules, "| cache names in aiohttp.web:", names)
assert modules == [] and names == []
