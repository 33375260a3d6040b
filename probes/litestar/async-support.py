"""Litestar: async handlers run on the event loop; sync handlers run in a thread pool with sync_to_thread=True."""

FRAMEWORK = "litestar"
CRITERION = "async-support"
SHOWS = "presence"
REQUIRES = ["httpx==0.27.2"]  # older releases' test clients pass app=, which httpx 0.28 removed

import asyncio
import threading
import warnings

from litestar import Litestar, get
from litestar.testing import TestClient

seen = {}


def on_loop():
    try:
        asyncio.get_running_loop()
        return True
    except RuntimeError:
        return False


@get("/async")
async def async_handler() -> dict:
    seen["async"] = threading.get_ident()
    return {"on_loop": on_loop()}


@get("/threaded", sync_to_thread=True)
def threaded_handler() -> dict:
    seen["threaded"] = threading.get_ident()
    return {"on_loop": on_loop()}


@get("/nonblocking", sync_to_thread=False)
def nonblocking_handler() -> dict:
    seen["nonblocking"] = threading.get_ident()
    return {"on_loop": on_loop()}


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")

    @get("/implicit")
    def implicit_handler() -> dict:
        return {}

    Litestar(route_handlers=[implicit_handler])
implicit_warnings = [str(w.message)[:90] for w in caught if "sync_to_thread" in str(w.message)]

app = Litestar(route_handlers=[async_handler, threaded_handler, nonblocking_handler])
with TestClient(app) as client:
    out = {p: client.get(p).json() for p in ("/async", "/threaded", "/nonblocking")}
print(out, seen)
print("warning for a sync handler without sync_to_thread:", implicit_warnings)
assert out == {"/async": {"on_loop": True}, "/threaded": {"on_loop": False}, "/nonblocking": {"on_loop": True}}
assert seen["threaded"] != seen["async"] and seen["nonblocking"] == seen["async"]
assert implicit_warnings, "Litestar warns when a sync handler leaves sync_to_thread unset"
