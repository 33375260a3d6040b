"""aiohttp: web.WebSocketResponse in core echoes text and JSON messages to the bundled WebSocket client."""

FRAMEWORK = "aiohttp"
CRITERION = "websockets"
SHOWS = "presence"
REQUIRES = []

import asyncio

from aiohttp import WSMsgType, web
from aiohttp.test_utils import TestClient, TestServer


async def echo(request):
    ws = web.WebSocketResponse(heartbeat=10)
    await ws.prepare(request)
    async for msg in ws:
        if msg.type == WSMsgType.TEXT:
            if msg.data == "json":
                await ws.send_json({"kind": "json"})
            else:
                await ws.send_str("echo:" + msg.data)
    return ws


async def main():
    app = web.Application()
    app.router.add_get("/ws", echo)
    async with TestClient(TestServer(app)) as client:
        ws = await client.ws_connect("/ws")
        await ws.send_str("hello")
        first = await ws.receive_str(timeout=5)
        await ws.send_str("json")
        second = await ws.receive_json(timeout=5)
        await ws.close()
        print("received", first, second)
        assert first == "echo:hello"
        assert second == {"kind": "json"}


asyncio.run(main())
