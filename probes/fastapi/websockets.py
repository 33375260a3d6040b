"""FastAPI: @app.websocket routes with path/query parameters and dependencies; not in OpenAPI; no broadcast layer."""

FRAMEWORK = "fastapi"
CRITERION = "websockets"
SHOWS = "claim"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2"]

import importlib.util

from fastapi import Depends, FastAPI, WebSocket, WebSocketDisconnect
from fastapi.testclient import TestClient

app = FastAPI()
closed = []


def prefix():
    return ">"


@app.websocket("/rooms/{room}")
async def room(websocket: WebSocket, room: str, name: str, p: str = Depends(prefix)):
    await websocket.accept()
    try:
        while True:
            data = await websocket.receive_json()
            await websocket.send_json({"room": room, "from": name, "echo": p + data["msg"]})
    except WebSocketDisconnect:
        closed.append(room)


client = TestClient(app)
with client.websocket_connect("/rooms/blue?name=ann") as ws:
    ws.send_json({"msg": "hi"})
    reply = ws.receive_json()
print("reply:", reply, "disconnects seen:", closed)
assert reply == {"room": "blue", "from": "ann", "echo": ">hi"}
assert closed == ["blue"]
paths = client.get("/openapi.json").json().get("paths", {})
print("openapi paths:", paths)
assert paths == {}, "WebSocket routes are not in the OpenAPI schema"
absent = [m for m in ("fastapi.broadcast", "fastapi.channels", "fastapi.pubsub") if importlib.util.find_spec(m) is None]
print("absent modules:", absent)
assert len(absent) == 3 and not hasattr(WebSocket, "broadcast")
