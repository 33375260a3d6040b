"""Litestar: cache=True/TTL response caching in a pluggable store, stores as a key/value API, cache_control, etag."""

FRAMEWORK = "litestar"
CRITERION = "caching"
SHOWS = "claim"
REQUIRES = ["httpx==0.27.2"]  # older releases' test clients pass app=, which httpx 0.28 removed

import asyncio
import importlib.util
import os

from litestar import Litestar, get
from litestar.config.response_cache import ResponseCacheConfig
from litestar.datastructures import CacheControlHeader, ETag
from litestar.stores.file import FileStore
from litestar.stores.memory import MemoryStore
from litestar.testing import TestClient

calls = []


@get("/report", cache=120, sync_to_thread=False)
def report(q: str = "") -> dict:
    calls.append(q)
    return {"n": len(calls), "q": q}


@get("/fresh", sync_to_thread=False, cache_control=CacheControlHeader(max_age=300, public=True), etag=ETag(value="v1"))
def fresh() -> str:
    return "static-ish"


app = Litestar(
    [report, fresh],
    stores={"response_cache": FileStore("cache-dir")},
    response_cache_config=ResponseCacheConfig(store="response_cache"),
)
with TestClient(app) as client:
    bodies = [client.get("/report", params={"q": q}).json() for q in ("a", "a", "b")]
    f = client.get("/fresh")
    store = client.app.stores.get("response_cache")
print("responses:", bodies, "| handler ran for:", calls)
assert bodies[0] == bodies[1] and bodies[2]["n"] == 2 and calls == ["a", "b"], "query parameters are part of the key"
print("store for responses:", type(store).__name__, "| files in cache-dir:", len(os.listdir("cache-dir")))
assert isinstance(store, FileStore) and len(os.listdir("cache-dir")) == 2
print("headers:", f.headers["cache-control"], f.headers["etag"])
assert f.headers["cache-control"] == "max-age=300, public" and f.headers["etag"] == '"v1"'


async def app_data():  # the same stores cache application data
    mem = MemoryStore()
    await mem.set("rates", b"1.08", expires_in=1)
    first = await mem.get("rates")
    await asyncio.sleep(1.1)
    await mem.delete_expired()
    files = FileStore("data-dir")
    await files.set("rates", b"1.08")
    return first, await mem.get("rates"), await files.with_namespace("ns").get("rates")


seen = asyncio.run(app_data())
print(
    "MemoryStore get / after expiry | FileStore other namespace:",
    seen,
    "| MemoryStore namespaces:",
    hasattr(MemoryStore, "with_namespace"),
)
assert seen == (b"1.08", None, None)
backends = [
    m for m in ("memory", "file", "redis", "valkey", "memcached") if importlib.util.find_spec(f"litestar.stores.{m}")
]
print("store modules:", backends)
assert backends == ["memory", "file", "redis", "valkey"], "no Memcached store"
