"""Starlette: async endpoints run on the event loop, sync ones in a thread pool; run_in_threadpool offloads calls."""

FRAMEWORK = "starlette"
CRITERION = "async-support"
SHOWS = "presence"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2"]

import asyncio
import threading

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient

seen = {}


def blocking():
    return threading.get_ident()


async def async_endpoint(request):
    asyncio.get_running_loop()
    seen["async"] = threading.get_ident()
    seen["offloaded"] = await run_in_threadpool(blocking)
    return JSONResponse({"kind": "async"})


def sync_endpoint(request):
    try:
        asyncio.get_running_loop()
        on_loop = True
    except RuntimeError:
        on_loop = False
    seen["sync"] = threading.get_ident()
    return JSONResponse({"on_loop_thread": on_loop})


app = Starlette(routes=[Route("/a", async_endpoint), Route("/s", sync_endpoint)])
with TestClient(app) as client:
    a, s = client.get("/a"), client.get("/s")
print("async:", a.json(), "sync:", s.json(), "threads:", seen)
assert a.json() == {"kind": "async"} and s.json() == {"on_loop_thread": False}
assert seen["sync"] != seen["async"] and seen["offloaded"] != seen["async"]
