"""Litestar: a plain ASGI callable, static files via create_static_files_router, and a `litestar run` CLI command."""

FRAMEWORK = "litestar"
CRITERION = "deployment"
SHOWS = "claim"
REQUIRES = []

import asyncio
import os
import pathlib
import subprocess
import sys
import tempfile

from litestar import Litestar, get
from litestar.static_files import create_static_files_router

static_dir = pathlib.Path(tempfile.mkdtemp())
(static_dir / "app.js").write_text("console.log(1)")


@get("/health", sync_to_thread=False)
def health() -> dict:
    return {"ok": True}


app = Litestar(route_handlers=[health, create_static_files_router(path="/static", directories=[static_dir])])


async def call(path):
    """Drive the app as an ASGI server would."""
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
        "state": {},
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


h, js = asyncio.run(call("/health")), asyncio.run(call("/static/app.js"))
print("health:", h, "static:", js)
assert h == (200, b'{"ok":true}') and js == (200, b"console.log(1)")
env = {**os.environ, "COLUMNS": "200"}
cli = subprocess.run(
    [sys.executable, "-m", "litestar", "run", "--help"], capture_output=True, text=True, timeout=30, env=env
)
print("litestar run --help:", cli.returncode, cli.stdout[:600])
assert cli.returncode == 0 and "--web-concurrency" in cli.stdout and "--reload" in cli.stdout
