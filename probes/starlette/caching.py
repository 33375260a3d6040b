"""Starlette: only file validators (FileResponse/StaticFiles 304s); Cashews adds a cache and ETag middleware."""

FRAMEWORK = "starlette"
CRITERION = "caching"
SHOWS = "claim"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2", "cashews==7.6.0"]

import pathlib
import pkgutil
import tempfile

import starlette
from cashews import cache
from cashews.contrib.fastapi import CacheEtagMiddleware, CacheRequestControlMiddleware  # plain Starlette middleware
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.testclient import TestClient

folder = pathlib.Path(tempfile.mkdtemp())
(folder / "app.css").write_text("body { color: red }")
calls = []
cache.setup("mem://")


@cache(ttl="10m")
async def load_report(name):
    calls.append(name)  # the expensive part
    return {"report": name, "rows": 3}


async def plain(request):
    return JSONResponse({"rows": 3})


async def report(request):
    return JSONResponse(await load_report(request.path_params["name"]))


routes = [Route("/plain", plain), Route("/report/{name}", report), Mount("/static", StaticFiles(directory=folder))]
middleware = [Middleware(CacheEtagMiddleware), Middleware(CacheRequestControlMiddleware)]
client = TestClient(Starlette(routes=routes, middleware=middleware))

s = client.get("/static/app.css")
s304 = client.get("/static/app.css", headers={"If-None-Match": s.headers["etag"]})
print("StaticFiles:", s.headers["etag"], s.headers["last-modified"], "| revalidated:", s304.status_code)
assert s304.status_code == 304
print("starlette modules with 'cach':", [m.name for m in pkgutil.walk_packages(starlette.__path__) if "cach" in m.name])
assert not any("cach" in m.name for m in pkgutil.walk_packages(starlette.__path__))

p = client.get("/plain")
print("uncached endpoint:", p.headers.get("etag"), p.headers.get("cache-control"))
assert "etag" not in p.headers and p.headers["cache-control"] == "no-cache"  # no cache call was made

first, second = client.get("/report/q3"), client.get("/report/q3")
print("cashews:", first.json(), "| computed", len(calls), "time(s) for 2 requests")
print("Cache-Control on the miss:", first.headers["cache-control"], "| on the hit:", second.headers["cache-control"])
assert first.json() == second.json() == {"report": "q3", "rows": 3} and calls == ["q3"]
assert second.headers["cache-control"] == "private, max-age=600" and first.headers["etag"] == second.headers["etag"]
again = client.get("/report/q3", headers={"If-None-Match": first.headers["etag"]})
print("ETag:", first.headers["etag"], "-> If-None-Match:", again.status_code)
assert again.status_code == 304
