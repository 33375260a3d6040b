"""aiohttp: coroutine handlers run concurrently on the asyncio loop; the app is not an ASGI callable."""

FRAMEWORK = "aiohttp"
CRITERION = "async-support"
SHOWS = "presence"
REQUIRES = []

import asyncio
import inspect

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

both_inside = asyncio.Event()
inside = 0


async def slow(request):
    global inside
    inside += 1
    if inside == 2:
        both_inside.set()
    # Each request waits until the other one is in flight too: only concurrent handling lets both finish.
    await asyncio.wait_for(both_inside.wait(), timeout=5)
    return web.Response(text=request.match_info["n"])


async def main():
    app = web.Application()
    app.router.add_get("/{n}", slow)
    async with TestClient(TestServer(app)) as client:
        responses = await asyncio.gather(client.get("/1"), client.get("/2"))
        bodies = [await r.text() for r in responses]
        print("statuses", [r.status for r in responses], "bodies", bodies)
        assert [r.status for r in responses] == [200, 200]
        assert sorted(bodies) == ["1", "2"]
    assert inspect.iscoroutinefunction(slow)


asyncio.run(main())
