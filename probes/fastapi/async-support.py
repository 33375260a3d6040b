"""FastAPI: async def endpoints run on the event loop, plain def endpoints in a worker thread."""

FRAMEWORK = "fastapi"
CRITERION = "async-support"
SHOWS = "presence"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2"]

import asyncio
import threading

from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient

app = FastAPI()
seen = {}


async def async_dep():
    await asyncio.sleep(0)
    return "dep-ok"


@app.get("/async")
async def on_loop(value: str = Depends(async_dep)):
    asyncio.get_running_loop()  # raises if not on an event loop
    seen["async"] = threading.get_ident()
    return {"dep": value}


@app.get("/sync")
def in_thread():
    try:
        asyncio.get_running_loop()
        on_loop_thread = True
    except RuntimeError:
        on_loop_thread = False
    seen["sync"] = threading.get_ident()
    return {"on_loop_thread": on_loop_thread}


with TestClient(app) as client:
    a = client.get("/async")
    s = client.get("/sync")
print("async:", a.status_code, a.json(), "sync:", s.status_code, s.json(), "threads:", seen)
assert a.json() == {"dep": "dep-ok"}
assert s.json() == {"on_loop_thread": False}
assert seen["async"] != seen["sync"], "the sync endpoint should run in a different (worker) thread"
