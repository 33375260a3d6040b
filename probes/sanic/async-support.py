"""Sanic: async handlers run concurrently on the event loop, and the same app is an ASGI application."""

FRAMEWORK = "sanic"
CRITERION = "async-support"
SHOWS = "presence"
REQUIRES = ["sanic-testing==24.6.0"]

import asyncio
import inspect

from sanic import Sanic
from sanic.response import text

app = Sanic("probe_async", configure_logging=False)
state = {"inside": 0}
both = asyncio.Event()


@app.get("/<n>")
async def slow(request, n):
    state["inside"] += 1
    if state["inside"] == 2:
        both.set()
    # Each request waits for the other: only concurrent handling lets both finish.
    await asyncio.wait_for(both.wait(), timeout=5)
    return text(n)


async def main():
    results = await asyncio.gather(app.asgi_client.get("/1"), app.asgi_client.get("/2"))
    bodies = sorted(response.text for _, response in results)
    print("over ASGI:", [response.status for _, response in results], bodies)
    assert bodies == ["1", "2"]


assert inspect.iscoroutinefunction(app.__call__)  # ASGI entry point: app(scope, receive, send)
asyncio.run(main())
