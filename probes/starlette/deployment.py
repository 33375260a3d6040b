"""Starlette: a plain ASGI callable; StaticFiles serves assets and Config reads settings from the environment."""

FRAMEWORK = "starlette"
CRITERION = "deployment"
SHOWS = "claim"
REQUIRES = []

import asyncio
import os
import pathlib
import tempfile

from starlette.applications import Starlette
from starlette.config import Config
from starlette.responses import PlainTextResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

static_dir = pathlib.Path(tempfile.mkdtemp())
(static_dir / "site.css").write_text("h1 {}")
env_file = static_dir / ".env"
env_file.write_text("DEBUG=true\n")
os.environ["DATABASE_URL"] = "sqlite:///probe.db"
config = Config(env_file)
DEBUG = config("DEBUG", cast=bool, default=False)
DATABASE_URL = config("DATABASE_URL")
print("Config: DEBUG =", DEBUG, "DATABASE_URL =", DATABASE_URL)
assert DEBUG is True and DATABASE_URL == "sqlite:///probe.db"


async def home(request):
    return PlainTextResponse("home")


app = Starlette(routes=[Route("/", home), Mount("/static", StaticFiles(directory=static_dir))])


async def call(path):
    """Drive the app as an ASGI server (Uvicorn, Hypercorn, ...) would."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"x")],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    sent = []
    requests = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive():
        if requests:
            return requests.pop()
        await asyncio.Event().wait()  # the client stays connected until the response is done

    async def send(message):
        sent.append(message)

    await app(scope, receive, send)
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


home_r, css = asyncio.run(call("/")), asyncio.run(call("/static/site.css"))
print("home:", home_r, "static:", css)
assert home_r == (200, b"home") and css == (200, b"h1 {}")
