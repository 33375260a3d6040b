"""Quart: async views and hooks run on the event loop; a plain def view runs in a worker thread; run_sync works."""

FRAMEWORK = "quart"
CRITERION = "async-support"
SHOWS = "claim"
REQUIRES = []

import asyncio
import threading

from quart import Quart, g, request
from quart.utils import run_sync

app = Quart(__name__)
loop_thread = {}


@app.before_request
async def hook():
    g.hook_thread = threading.get_ident()


@app.get("/async")
async def async_view():
    loop_thread["id"] = threading.get_ident()
    blocking = await run_sync(lambda: (threading.get_ident(), request.path))()
    a, b = await asyncio.gather(asyncio.sleep(0.05, "a"), asyncio.sleep(0.05, "b"))
    return {"view": threading.get_ident(), "hook": g.hook_thread, "run_sync": list(blocking), "gather": a + b}


@app.get("/sync")
def sync_view():
    return {"view": threading.get_ident()}


async def main():
    client = app.test_client()
    a = await (await client.get("/async")).get_json()
    s = await (await client.get("/sync")).get_json()
    loop = threading.get_ident()
    print("loop thread:", loop, "| async view:", a, "| sync view:", s)
    assert a["view"] == loop and a["hook"] == loop and a["gather"] == "ab"
    assert a["run_sync"][0] != loop and a["run_sync"][1] == "/async"
    assert s["view"] != loop


asyncio.run(main())
