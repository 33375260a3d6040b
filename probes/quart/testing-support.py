"""Quart: async test client for HTTP and WebSocket, test_app running serving hooks, and test_request_context."""

FRAMEWORK = "quart"
CRITERION = "testing-support"
SHOWS = "claim"
REQUIRES = []

import asyncio

from quart import Quart, request, websocket

app = Quart(__name__)
events = []


@app.before_serving
async def startup():
    events.append("startup")


@app.after_serving
async def shutdown():
    events.append("shutdown")


@app.post("/echo")
async def echo():
    return {"got": await request.get_json(), "q": request.args.get("q")}


@app.websocket("/ws")
async def ws():
    while True:
        msg = await websocket.receive_json()
        await websocket.send_json({"double": msg["n"] * 2})


async def main():
    async with app.test_app() as test_app:
        client = test_app.test_client()
        data = await (await client.post("/echo", json={"a": 1}, query_string={"q": "z"})).get_json()
        print("json:", data)
        assert data == {"got": {"a": 1}, "q": "z"}
        async with client.websocket("/ws") as conn:
            await conn.send_json({"n": 21})
            reply = await conn.receive_json()
        print("websocket:", reply)
        assert reply == {"double": 42}
        print("events while running:", events)
        assert events == ["startup"]
    print("events after:", events)
    assert events == ["startup", "shutdown"]
    async with app.test_request_context("/path", method="POST", query_string={"x": "1"}):
        print("test_request_context:", request.method, request.path, request.args["x"])
        assert (request.method, request.args["x"]) == ("POST", "1")


asyncio.run(main())
