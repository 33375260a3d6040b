"""aiohttp: served by its own runner (AppRunner/TCPSite) and ships a Gunicorn worker, but is not an ASGI application."""

FRAMEWORK = "aiohttp"
CRITERION = "deployment"
SHOWS = "claim"
REQUIRES = []

import asyncio
import importlib.util
import socket

import aiohttp
from aiohttp import web


async def hello(request):
    return web.Response(text="served")


async def main():
    app = web.Application()
    app.router.add_get("/", hello)
    runner = web.AppRunner(app)
    await runner.setup()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    try:
        async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/") as r:
            text = await r.text()
            print("AppRunner/TCPSite on loopback:", r.status, text)
            assert text == "served"
    finally:
        await runner.cleanup()

    # The stated limit: no ASGI interface, so ASGI servers cannot call it.
    scope = {"type": "http", "method": "GET", "path": "/", "headers": []}
    try:
        await app(scope, None, None)
        asgi = True
    except TypeError as exc:
        asgi = False
        print("app(scope, receive, send) ->", type(exc).__name__, exc)
    assert not asgi


asyncio.run(main())
spec = importlib.util.find_spec("aiohttp.worker")
print("aiohttp.worker module:", spec.origin if spec else None)
assert spec is not None
with open(spec.origin) as f:
    assert "class GunicornWebWorker" in f.read()
