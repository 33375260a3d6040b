"""Quart: app.config loads objects, files and QUART_* env vars; the Click-based `quart` CLI runs app commands."""

FRAMEWORK = "quart"
CRITERION = "configuration-and-cli"
SHOWS = "claim"
REQUIRES = []

import json
import os
import pathlib
import subprocess
import sys

from quart import Quart


class ProductionConfig:
    DEBUG = False
    DATABASE_URL = "postgresql://db/prod"


app = Quart(__name__)
app.config.from_object(ProductionConfig)
pathlib.Path("settings.json").write_text(json.dumps({"PAGE_SIZE": 50}))
app.config.from_file(str(pathlib.Path("settings.json").resolve()), load=json.load)
os.environ["QUART_FEATURE_FLAGS"] = '{"beta": true}'
os.environ["QUART_WORKERS"] = "4"
app.config.from_prefixed_env()
got = {k: app.config[k] for k in ("DATABASE_URL", "PAGE_SIZE", "FEATURE_FLAGS", "WORKERS")}
print("config:", got)
assert got == {"DATABASE_URL": "postgresql://db/prod", "PAGE_SIZE": 50, "FEATURE_FLAGS": {"beta": True}, "WORKERS": 4}

pathlib.Path("probe_app.py").write_text(
    "from quart import Quart, has_app_context\n"
    "app = Quart(__name__)\n\n"
    "@app.get('/hello')\nasync def hello():\n    return 'hi'\n\n"
    "@app.cli.command('seed')\ndef seed():\n    print('seeded', app.name, 'app context:', has_app_context())\n"
)
env = {**os.environ, "PYTHONPATH": os.getcwd()}


def quart(*args):
    run = subprocess.run(
        [sys.executable, "-m", "quart", "--app", "probe_app", *args], capture_output=True, text=True, env=env
    )
    print(f"$ quart {' '.join(args)} -> exit {run.returncode}\n{run.stdout.strip()}")
    return run


usage = quart("--help").stdout
assert all(name in usage for name in ("run", "shell", "routes", "seed"))
routes = quart("routes")
assert routes.returncode == 0 and "/hello" in routes.stdout and "hello" in routes.stdout
seeded = quart("seed")
assert seeded.returncode == 0 and seeded.stdout.strip() == "seeded probe_app app context: False"
