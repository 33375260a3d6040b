"""Litestar: @websocket and @websocket_listener handlers plus the Channels plugin broadcasting to every subscriber."""

FRAMEWORK = "litestar"
CRITERION = "websockets"
SHOWS = "presence"
REQUIRES = ["httpx==0.27.2"]  # older releases' test clients pass app=, which httpx 0.28 removed

from litestar import Litestar, WebSocket, post, websocket, websocket_listener
from litestar.channels import ChannelsPlugin
from litestar.channels.backends.memory import MemoryChannelsBackend
from litestar.testing import TestClient


@websocket("/raw/{room:str}")
async def raw(socket: WebSocket, room: str) -> None:
    await socket.accept()
    text = await socket.receive_text()
    await socket.send_text(f"{room}:{text.upper()}")
    await socket.close()


@websocket_listener("/listen")
async def listen(data: dict) -> dict:
    return {"doubled": data["n"] * 2}


@post("/announce")
async def announce(data: dict, channels: ChannelsPlugin) -> None:
    channels.publish(data["msg"], channels=["news"])


channels = ChannelsPlugin(backend=MemoryChannelsBackend(), channels=["news"], create_ws_route_handlers=True)
app = Litestar([raw, listen, announce], plugins=[channels])
with TestClient(app) as client:
    with client.websocket_connect("/raw/blue") as s:
        s.send_text("hi")
        raw_reply = s.receive_text()
    with client.websocket_connect("/listen") as s:
        s.send_json({"n": 21})
        listener_reply = s.receive_json()
    with client.websocket_connect("/news") as a, client.websocket_connect("/news") as b:
        client.post("/announce", json={"msg": "hello all"})
        got = (a.receive_text(timeout=5), b.receive_text(timeout=5))
print("raw:", raw_reply, "listener:", listener_reply, "broadcast:", got)
assert raw_reply == "blue:HI" and listener_reply == {"doubled": 42} and got == ("hello all", "hello all")
