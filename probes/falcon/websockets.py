"""Falcon: on_websocket responders on falcon.asgi.App exchange text and JSON media; WSGI requests have no WebSocket."""

FRAMEWORK = "falcon"
CRITERION = "websockets"
SHOWS = "claim"
REQUIRES = []

import asyncio

import falcon
import falcon.asgi
import falcon.testing


class Chat:
    async def on_websocket(self, req, ws, room):
        if req.get_header("X-Token") != "secret":
            raise falcon.HTTPForbidden()  # closes the handshake
        await ws.accept()
        while True:
            msg = await ws.receive_media()
            await ws.send_media({"echo": msg["text"], "room": room})


app = falcon.asgi.App()
app.add_route("/chat/{room}", Chat())


async def main():
    async with falcon.testing.ASGIConductor(app) as conductor:
        async with conductor.simulate_ws("/chat/red", headers={"X-Token": "secret"}) as ws:
            replies = []
            for text in ("hi", "bye"):
                await ws.send_json({"text": text})
                replies.append(await ws.receive_json())
        print("replies:", replies)
        assert replies == [{"echo": "hi", "room": "red"}, {"echo": "bye", "room": "red"}]
        try:
            async with conductor.simulate_ws("/chat/red") as ws:
                await ws.receive_json()
        except falcon.WebSocketDisconnected as err:
            print("without token: handshake refused, close code", err.code)
            assert err.code == 3403  # HTTP 403 mapped to a WebSocket close code
        else:
            raise AssertionError("handshake without token was accepted")


asyncio.run(main())
print("WSGI falcon.Request has a websocket attribute:", hasattr(falcon.Request, "websocket"))
print("falcon.asgi.WebSocket:", falcon.asgi.WebSocket)
assert not any(hasattr(falcon, n) for n in ("WebSocket",))
