"""Sanic: app.config reads SANIC_* env vars with casting and update_config(); the `sanic` CLI runs @app.command."""

FRAMEWORK = "sanic"
CRITERION = "configuration-and-cli"
SHOWS = "claim"
REQUIRES = []

import os
import pathlib
import subprocess
import sys

from sanic import Sanic

os.environ.update(SANIC_WORKER_COUNT="4", SANIC_DEBUG_SQL="true", SANIC_RATIO="0.5", MYAPP_REGION="eu")
os.environ["CONF_DIR"] = os.getcwd()
pathlib.Path("settings.py").write_text("PAGE_SIZE = 50\nDB_URL = 'sqlite:///prod.db'\n")


class Defaults:
    FEATURE_X = False


app = Sanic("probe_config", configure_logging=False)
app.update_config("${CONF_DIR}/settings.py")  # ${VAR} in the path is filled from the environment
app.update_config({"FEATURE_X": True})
app.update_config(Defaults)  # a class: later updates win
prefixed = Sanic("probe_config_prefix", env_prefix="MYAPP_", configure_logging=False)
got = {k: app.config.get(k) for k in ("WORKER_COUNT", "DEBUG_SQL", "RATIO", "PAGE_SIZE", "DB_URL", "FEATURE_X")}
print("config:", got, "| env_prefix MYAPP_:", prefixed.config.get("REGION"))
assert got == {"WORKER_COUNT": 4, "DEBUG_SQL": True, "RATIO": 0.5, "PAGE_SIZE": 50, "DB_URL": "sqlite:///prod.db"} | {
    "FEATURE_X": False
}
assert prefixed.config.REGION == "eu"

pathlib.Path("probe_app.py").write_text(
    "from sanic import Sanic\n"
    "app = Sanic('probe_cli')\n\n"
    "@app.command\nasync def seed(count: int = 1):\n    print(f'seeded {count} rows')\n"
)
env = {**os.environ, "PYTHONPATH": os.getcwd()}


def sanic(*args):
    run = subprocess.run([sys.executable, "-m", "sanic", *args], capture_output=True, text=True, env=env, timeout=30)
    print(f"$ sanic {' '.join(args)} -> exit {run.returncode}: {run.stdout.strip()[-300:]}")
    return run


usage = sanic("help", "--full").stdout
assert all(opt in usage for opt in ("--dev", "--reload", "--workers", "--fast", "exec"))
seeded = sanic("probe_app:app", "exec", "seed", "--count=3")
assert seeded.returncode == 0 and seeded.stdout.strip().endswith("seeded 3 rows")
