"""FastAPI: `fastapi dev`/`run` find the app via pyproject.toml, no project commands; settings: pydantic-settings."""

FRAMEWORK = "fastapi"
CRITERION = "configuration-and-cli"
SHOWS = "claim"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2", "fastapi-cli==0.0.34", "pydantic-settings==2.16.3"]

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import typer
from fastapi_cli.cli import app as cli

commands = sorted(typer.main.get_command(cli).commands)
print("fastapi commands:", commands)
assert commands == ["dev", "run"], "run-only: no scaffolding, no registry for project commands"

Path("pyproject.toml").write_text('[tool.fastapi]\nentrypoint = "shop.web:api"\n')
os.makedirs("shop")
Path("shop/__init__.py").write_text("")
Path("shop/web.py").write_text("""
import os
from functools import lru_cache
from typing import Annotated
from fastapi import Depends, FastAPI
from pydantic_settings import BaseSettings

class Settings(BaseSettings):
    shop_name: str = "default"
    max_items: int = 10

@lru_cache
def get_settings():
    return Settings()

api = FastAPI()

@api.get("/")
def info(s: Annotated[Settings, Depends(get_settings)]):
    return {"env": os.environ.get("FASTAPI_ENV"), "shop": s.shop_name, "max": s.max_items}
""")
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
env = dict(os.environ, SHOP_NAME="probe-shop", MAX_ITEMS="42")
env.pop("FASTAPI_ENV", None)
server = subprocess.Popen(
    [sys.executable, "-m", "fastapi", "dev", "--port", str(port), "--no-reload"],
    env=env,
    stdout=subprocess.PIPE,
    stderr=subprocess.STDOUT,
)
try:
    for _ in range(100):
        try:
            served = httpx.get(f"http://127.0.0.1:{port}/").json()
            break
        except httpx.ConnectError:
            time.sleep(0.2)
finally:
    server.terminate()
    log = server.communicate(timeout=20)[0].decode()
print(*(line.strip() for line in log.splitlines() if "shop" in line or "entrypoint" in line.lower()), sep="\n")
print("served:", served)
assert served == {"env": "development", "shop": "probe-shop", "max": 42}, (
    "env vars parsed and typed by pydantic-settings"
)

sys.path.insert(0, os.getcwd())
from fastapi.testclient import TestClient
from shop.web import Settings, api, get_settings

api.dependency_overrides[get_settings] = lambda: Settings(shop_name="test", max_items=1)
print("overridden in a test:", TestClient(api).get("/").json())
assert TestClient(api).get("/").json()["shop"] == "test"
assert not any(hasattr(api, a) for a in ("config", "settings")), "FastAPI has no settings object of its own"
