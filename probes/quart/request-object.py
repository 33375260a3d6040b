"""Quart: the request is a context-local global; reading the body is awaited; WebSocket handlers get `websocket`."""

FRAMEWORK = "quart"
CRITERION = "request-object"
SHOWS = "claim"
REQUIRES = []

import asyncio
import inspect

from quart import Quart, Request, request, websocket

app = Quart(__name__)


def agent():
    return request.headers["User-Agent"]


@app.post("/items/<int:item_id>")
async def items(item_id):
    body = await request.get_json()
    return {"id": item_id, "q": request.args["q"], "agent": agent(), "body": body}


@app.websocket("/ws")
async def ws():
    await websocket.accept()
    await websocket.send(f"{websocket.path} {websocket.args['room']}")


async def main():
    client = app.test_client()
    resp = await client.post("/items/3?q=x", json={"a": 1}, headers={"User-Agent": "probe"})
    data = await resp.get_json()
    print("http:", data)
    assert data == {"id": 3, "q": "x", "agent": "probe", "body": {"a": 1}}
    async with client.websocket("/ws?room=blue") as conn:
        msg = await conn.receive()
    print("websocket:", msg)
    assert msg == "/ws blue"
    awaited = [inspect.iscoroutinefunction(getattr(Request, n)) for n in ("get_json", "get_data")]
    print("Request.get_json / get_data are coroutine functions:", awaited)
    assert awaited == [True, True]


asyncio.run(main())
try:
    agent()
except RuntimeError as exc:
    print("outside a request:", type(exc).__name__)
else:
    raise AssertionError("request usable outside a request context")
