"""Sanic: its own server runs handlers on uvloop when available (uvloop is installed with sanic on Linux)."""

FRAMEWORK = "sanic"
CRITERION = "performance"
SHOWS = "claim"
REQUIRES = ["sanic-testing==24.6.0"]

import asyncio
import importlib.metadata

from sanic import Sanic
from sanic.response import text

requires = importlib.metadata.requires("sanic") or []
print("sanic requires:", [r for r in requires if "uvloop" in r])
assert any(r.startswith("uvloop") for r in requires)

app = Sanic("probe_perf", configure_logging=False)


@app.get("/")
async def loop_type(request):
    loop = asyncio.get_running_loop()
    return text(f"{type(loop).__module__}.{type(loop).__name__}")


_, r = app.test_client.get("/")
print("handler loop on Sanic's server:", r.text)
assert r.text.startswith("uvloop")
