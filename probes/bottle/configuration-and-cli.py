"""Bottle: app.config loads INI files, dicts and modules; the `bottle` command only runs an app (--conf/--param)."""

FRAMEWORK = "bottle"
CRITERION = "configuration-and-cli"
SHOWS = "claim"
REQUIRES = []

import os
import pathlib
import socket
import subprocess
import sys
import time
import urllib.request

import bottle

pathlib.Path("probe.ini").write_text("[bottle]\ndebug = false\n[db]\nurl = sqlite:///probe.db\npool = 5\n")
pathlib.Path("probe_settings.py").write_text("SECRET = 's3'\nlower = 'ignored'\n")
pathlib.Path("probe_app.py").write_text(
    "import bottle\napp = bottle.Bottle()\n"
    "@app.get('/')\ndef index():\n    return f\"{app.config.get('db.url')}|{app.config.get('greeting')}\"\n"
)
sys.path.insert(0, os.getcwd())

app = bottle.Bottle()
app.config.load_config("probe.ini")
app.config.load_dict({"cache": {"ttl": 30}})
app.config.load_module("probe_settings")
keys = {k: app.config[k] for k in ("db.url", "db.pool", "cache.ttl", "SECRET")}
print("ConfigDict:", keys, "| lower-case module names skipped:", "lower" not in app.config)
assert keys == {"db.url": "sqlite:///probe.db", "db.pool": "5", "cache.ttl": 30, "SECRET": "s3"}

script = os.path.join(os.path.dirname(sys.executable), "bottle")
helptext = subprocess.run([script, "--help"], capture_output=True, text=True).stdout
flags = [f for f in ("--bind", "--server", "--reload", "--debug", "--conf", "--param", "--plugin") if f in helptext]
print("bottle --help flags:", flags, "| subcommands:", "{" in helptext)
assert len(flags) == 7 and "{" not in helptext  # options for running, no subcommands

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
cmd = [script, "--bind", f"127.0.0.1:{port}", "--conf", "probe.ini", "--param", "greeting=hi", "probe_app:app"]
server = subprocess.Popen(
    cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": os.getcwd()}
)
direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback only, never a proxy
try:
    for _ in range(100):
        try:
            body = direct.open(f"http://127.0.0.1:{port}/", timeout=2).read().decode()
            break
        except OSError:
            time.sleep(0.1)
    else:
        raise RuntimeError("the bottle command did not start the app")
finally:
    server.terminate()
    server.wait(10)
print("served by the bottle command:", body)
assert body == "sqlite:///probe.db|hi"
