"""aiohttp: aiojobs spawns in-process jobs from handlers; a cleanup_ctx task is cancelled at shutdown."""

FRAMEWORK = "aiohttp"
CRITERION = "background-tasks"
SHOWS = "claim"
REQUIRES = ["aiojobs==1.4.0"]

import asyncio

import aiojobs.aiohttp
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

done = asyncio.Event()
events = []


async def job(n):
    await asyncio.sleep(0.05)
    events.append(f"job {n} ran")
    done.set()


async def enqueue(request):
    await aiojobs.aiohttp.spawn(request, job(1))
    return web.Response(text="accepted")


async def listener(app):
    async def loop():
        try:
            while True:
                await asyncio.sleep(0.01)
        except asyncio.CancelledError:
            events.append("listener cancelled")
            raise

    task = asyncio.create_task(loop())
    yield
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


async def main():
    app = web.Application()
    aiojobs.aiohttp.setup(app)
    app.cleanup_ctx.append(listener)
    app.router.add_post("/", enqueue)
    async with TestClient(TestServer(app)) as client:
        r = await client.post("/")
        print("response:", r.status, await r.text(), "| job finished before response:", done.is_set())
        assert r.status == 200 and not done.is_set()
        await asyncio.wait_for(done.wait(), 5)
    print("events:", events)
    assert events == ["job 1 ran", "listener cancelled"]
    # In-process only: aiojobs keeps jobs in memory, it has no broker or persistence layer.
    assert not hasattr(aiojobs, "Broker") and not hasattr(aiojobs, "Queue")


asyncio.run(main())
