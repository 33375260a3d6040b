"""Starlette: WebSocketRoute with a function or a WebSocketEndpoint (JSON encoding), testable with TestClient."""

FRAMEWORK = "starlette"
CRITERION = "websockets"
SHOWS = "presence"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2"]

import importlib.util

from starlette.applications import Starlette
from starlette.endpoints import WebSocketEndpoint
from starlette.routing import WebSocketRoute
from starlette.testclient import TestClient
from starlette.websockets import WebSocket

hooks = []


class Chat(WebSocketEndpoint):
    encoding = "json"

    async def on_connect(self, websocket):
        hooks.append("connect")
        await websocket.accept()

    async def on_receive(self, websocket, data):
        await websocket.send_json({"echo": data["msg"], "room": websocket.path_params["room"]})

    async def on_disconnect(self, websocket, close_code):
        hooks.append(f"disconnect:{close_code}")


async def raw(websocket: WebSocket):
    await websocket.accept()
    data = await websocket.receive_bytes()
    await websocket.send_bytes(data[::-1])
    await websocket.close(code=1000)


app = Starlette(routes=[WebSocketRoute("/chat/{room}", Chat), WebSocketRoute("/raw", raw)])
client = TestClient(app)
with client.websocket_connect("/chat/lobby") as ws:
    ws.send_json({"msg": "hi"})
    reply = ws.receive_json()
with client.websocket_connect("/raw") as ws:
    ws.send_bytes(b"abc")
    raw_reply = ws.receive_bytes()
print("endpoint reply:", reply, "raw reply:", raw_reply, "hooks:", hooks)
assert reply == {"echo": "hi", "room": "lobby"} and raw_reply == b"cba"
assert hooks[0] == "connect" and hooks[1].startswith("disconnect")
absent = [m for m in ("starlette.broadcast", "starlette.channels") if importlib.util.find_spec(m) is None]
print("no channel layer modules:", absent)
assert len(absent) == 2
