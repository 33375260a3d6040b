"""Quart: @app.websocket routes with JSON helpers, and a handshake rejected before accept with an HTTP response."""

FRAMEWORK = "quart"
CRITERION = "websockets"
SHOWS = "claim"
REQUIRES = []

import asyncio

from quart import Quart, websocket
from quart.testing import WebsocketResponseError

app = Quart(__name__)


@app.websocket("/chat")
async def chat():
    if websocket.headers.get("X-Token") != "secret":
        return "go away", 403  # rejects the upgrade; nothing was accepted
    await websocket.accept()
    while True:
        msg = await websocket.receive_json()
        await websocket.send_json({"echo": msg["text"], "room": websocket.args["room"]})


async def main():
    client = app.test_client()
    async with client.websocket("/chat?room=red", headers={"X-Token": "secret"}) as ws:
        replies = []
        for text in ("hi", "bye"):
            await ws.send_json({"text": text})
            replies.append(await ws.receive_json())
    print("replies:", replies)
    assert replies == [{"echo": "hi", "room": "red"}, {"echo": "bye", "room": "red"}]
    try:
        async with client.websocket("/chat?room=red") as ws:
            await ws.send_json({"text": "sneaky"})
            await ws.receive_json()
    except WebsocketResponseError as err:
        print("without token:", err.response.status_code, await err.response.get_data(as_text=True))
        assert err.response.status_code == 403
    else:
        raise AssertionError("handshake without token was accepted")


asyncio.run(main())
