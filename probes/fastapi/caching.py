"""FastAPI + Cashews: nothing caches by default; @cache on a memory backend, ETag and Cache-Control middlewares."""

FRAMEWORK = "fastapi"
CRITERION = "caching"
SHOWS = "claim"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2", "cashews==7.6.0"]

import importlib.util

from cashews import cache
from cashews.contrib.fastapi import CacheEtagMiddleware, CacheRequestControlMiddleware
from fastapi import FastAPI
from fastapi.testclient import TestClient

calls = []
plain = FastAPI()


@plain.get("/report")
async def plain_report():
    calls.append("plain")
    return {"n": len(calls)}


with TestClient(plain) as client:
    a, b = client.get("/report"), client.get("/report")
print(
    "plain FastAPI:",
    a.json(),
    b.json(),
    "| ETag:",
    b.headers.get("etag"),
    "| Cache-Control:",
    b.headers.get("cache-control"),
)
assert calls == ["plain", "plain"] and "etag" not in b.headers and "cache-control" not in b.headers
assert importlib.util.find_spec("fastapi.cache") is None and not hasattr(FastAPI(), "cache")

cache.setup("mem://")
app = FastAPI()
app.add_middleware(CacheEtagMiddleware)
app.add_middleware(CacheRequestControlMiddleware)


@app.get("/report")
@cache(ttl="10m")
async def report():
    calls.append("cashews")
    return {"n": len(calls)}


calls.clear()
with TestClient(app) as client:
    first, second = client.get("/report"), client.get("/report")
    etag = second.headers.get("etag")
    revalidated = client.get("/report", headers={"If-None-Match": etag})
print("cashews:", first.json(), second.json(), "| endpoint ran:", len(calls), "time(s)")
print(
    "ETag:",
    etag,
    "| Cache-Control:",
    second.headers.get("cache-control"),
    "| If-None-Match ->",
    revalidated.status_code,
)
assert calls == ["cashews"] and first.json() == second.json()
assert etag and revalidated.status_code == 304
assert second.headers["cache-control"].startswith("private, max-age=")
