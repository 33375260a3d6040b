"""Sanic: @app.websocket routes in core receive (request, ws) and echo with await ws.recv()/ws.send()."""

FRAMEWORK = "sanic"
CRITERION = "websockets"
SHOWS = "presence"
REQUIRES = ["sanic-testing==24.6.0"]

from sanic import Sanic

app = Sanic("probe_ws", configure_logging=False)


@app.websocket("/ws")
async def echo(request, ws):
    async for message in ws:
        await ws.send("echo:" + message)


async def client(ws):
    await ws.send("hello")
    await ws.send("again")
    await ws.recv()
    await ws.recv()


_, proxy = app.test_client.websocket("/ws", mimic=client)
print("client sent:", proxy.client_sent, "| client received:", proxy.client_received)
assert proxy.client_received == ["echo:hello", "echo:again"]
print("WEBSOCKET_MAX_SIZE:", app.config.WEBSOCKET_MAX_SIZE, "| PING_INTERVAL:", app.config.WEBSOCKET_PING_INTERVAL)
assert app.config.WEBSOCKET_MAX_SIZE > 0 and app.config.WEBSOCKET_PING_INTERVAL > 0
