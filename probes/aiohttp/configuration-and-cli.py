"""aiohttp: settings live in the app mapping under typed AppKeys; `python -m aiohttp.web` only runs an app factory."""

FRAMEWORK = "aiohttp"
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

pathlib.Path("probe_app.py").write_text(
    """
import os
from aiohttp import web

GREETING = web.AppKey("greeting", str)


async def hello(request):
    return web.Response(text=request.config_dict[GREETING])  # found through the parent app


def init(argv):
    app = web.Application()
    app[GREETING] = os.environ.get("PROBE_GREETING", "default")  # reading the environment is our code
    sub = web.Application()
    sub.router.add_get("/hello", hello)
    app.add_subapp("/sub", sub)
    return app
"""
)
helptext = subprocess.run([sys.executable, "-m", "aiohttp.web", "--help"], capture_output=True, text=True).stdout
print(helptext.split("\n\n")[0])
options = {o for o in ("--hostname", "--port", "--path", "--reload", "--debug", "startproject") if o in helptext}
print("options offered:", sorted(options))
assert options == {"--hostname", "--port", "--path"}  # no reload, debug or subcommands

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
env = {**os.environ, "PROBE_GREETING": "from-env"}
cmd = [sys.executable, "-m", "aiohttp.web", "-H", "127.0.0.1", "-P", str(port), "probe_app:init"]
direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback only, never a proxy
server = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    for _ in range(100):
        try:
            body = direct.open(f"http://127.0.0.1:{port}/sub/hello", timeout=2).read().decode()
            break
        except OSError:
            time.sleep(0.1)
    else:
        raise RuntimeError("python -m aiohttp.web did not start")
finally:
    server.terminate()
    server.wait(10)
print("served by python -m aiohttp.web:", body)
assert body == "from-env"
