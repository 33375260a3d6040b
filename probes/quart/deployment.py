"""Quart: the app is an ASGI callable; Hypercorn, installed with Quart, serves it on a loopback socket."""

FRAMEWORK = "quart"
CRITERION = "deployment"
SHOWS = "claim"
REQUIRES = []

import asyncio
import importlib.metadata
import socket

from hypercorn.asyncio import serve
from hypercorn.config import Config
from quart import Quart

deps = [r.split(";")[0].strip() for r in importlib.metadata.requires("quart") or []]
print("quart requirements:", deps)
assert any(d.lower().startswith("hypercorn") for d in deps)

app = Quart(__name__)


@app.get("/")
async def index():
    return "served by hypercorn"


async def main():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    config = Config()
    config.bind = [f"127.0.0.1:{port}"]
    config.accesslog = None
    stop = asyncio.Event()
    server = asyncio.create_task(serve(app, config, shutdown_trigger=stop.wait))
    for _ in range(100):
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            break
        except OSError:
            await asyncio.sleep(0.05)
    writer.write(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
    raw = (await asyncio.wait_for(reader.read(), 10)).decode()
    writer.close()
    stop.set()
    await server
    return raw


raw = asyncio.run(main())
print(raw)
assert raw.startswith("HTTP/1.1 200")
assert raw.endswith("served by hypercorn")
