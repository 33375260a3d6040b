"""Quart: typed converters, url_for, nested blueprints, MethodView, and a WebSocket route sharing an HTTP path."""

FRAMEWORK = "quart"
CRITERION = "routing"
SHOWS = "claim"
REQUIRES = []

import asyncio

from quart import Blueprint, Quart, url_for, websocket
from quart.views import MethodView

app = Quart(__name__)


@app.get("/items/<int:item_id>")
async def item(item_id):
    return f"item {item_id} ({type(item_id).__name__})"


api = Blueprint("api", __name__, url_prefix="/api")
v1 = Blueprint("v1", __name__, url_prefix="/v1")


@v1.get("/live")
async def live_http():
    return "http " + url_for("api.v1.live_ws")


@v1.websocket("/live")
async def live_ws():
    await websocket.accept()
    await websocket.send("ws " + url_for("item", item_id=9))


class Counter(MethodView):
    async def get(self):
        return "counter get"

    async def post(self):
        return "counter post"


v1.add_url_rule("/counter", view_func=Counter.as_view("counter"))
api.register_blueprint(v1)
app.register_blueprint(api)


async def main():
    client = app.test_client()
    expected = {
        ("GET", "/items/42"): "item 42 (int)",
        ("GET", "/api/v1/live"): "http ws://localhost/api/v1/live",  # WebSocket rules build ws:// URLs
        ("GET", "/api/v1/counter"): "counter get",
        ("POST", "/api/v1/counter"): "counter post",
    }
    for (method, path), want in expected.items():
        got = await (await client.open(path, method=method)).get_data(as_text=True)
        print(method, path, "->", got)
        assert got == want
    print("/items/abc ->", (await client.get("/items/abc")).status_code)
    assert (await client.get("/items/abc")).status_code == 404
    async with client.websocket("/api/v1/live") as ws:
        msg = await ws.receive()
    print("websocket /api/v1/live ->", msg)
    assert msg == "ws /items/9"


asyncio.run(main())
