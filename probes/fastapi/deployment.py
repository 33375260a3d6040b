"""FastAPI: the app is a plain ASGI callable, StaticFiles serves assets, and the package declares the fastapi CLI."""

FRAMEWORK = "fastapi"
CRITERION = "deployment"
SHOWS = "claim"
REQUIRES = []

import asyncio
import importlib.metadata
import pathlib
import tempfile

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

static_dir = pathlib.Path(tempfile.mkdtemp())
(static_dir / "app.css").write_text("body { color: red; }")
app = FastAPI()
app.mount("/static", StaticFiles(directory=static_dir), name="static")


@app.get("/health")
async def health():
    return {"ok": True}


async def call(path):
    """Drive the app exactly as an ASGI server would: scope, receive, send."""
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
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return sent[0]["status"], body


health_r = asyncio.run(call("/health"))
css = asyncio.run(call("/static/app.css"))
print("health:", health_r, "static:", css)
assert health_r == (200, b'{"ok":true}')
assert css == (200, b"body { color: red; }")
scripts = {ep.name: ep.value for ep in importlib.metadata.distribution("fastapi").entry_points}
print("fastapi entry points:", scripts)
assert "fastapi" in scripts, "the fastapi package declares the `fastapi` command (run/dev)"
