"""Sanic: the sanic CLI runs the app on its own server with the worker manager; the app is also an ASGI application."""

FRAMEWORK = "sanic"
CRITERION = "deployment"
SHOWS = "claim"
REQUIRES = ["sanic-testing==24.6.0"]

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

source = "from sanic import Sanic\nfrom sanic.response import text\napp = Sanic('probe_deploy')\n"
source += "@app.get('/')\nasync def hi(request):\n    return text('served by ' + str(__import__('os').getpid()))\n"
with open("probe_server.py", "w") as f:
    f.write(source)

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
cmd = [sys.executable, "-m", "sanic", "probe_server:app", "--host", "127.0.0.1", "--port", str(port), "--workers", "2"]
with open("server.log", "w+") as log:
    proc = subprocess.Popen(
        cmd, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONPATH": "."}, start_new_session=True
    )
    pids = set()
    try:
        deadline = time.time() + 20
        while time.time() < deadline and len(pids) < 2:  # until both workers have answered
            try:
                body = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read().decode()
                pids.add(int(body.split()[-1]))
            except OSError:
                time.sleep(0.2)
        time.sleep(2)  # a SIGTERM before the manager has seen every worker's ack makes Sanic 25.12 spin
        proc.terminate()
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    log.seek(0)
    lines = log.read().splitlines()
print("sanic CLI with --workers 2: answers came from worker pids", sorted(pids), "manager pid", proc.pid)
print("server log excerpt:", [line.split("INFO: ")[-1] for line in lines if "orker" in line][:4])
assert len(pids) == 2 and proc.pid not in pids  # two worker processes under the manager

sys.path.insert(0, os.getcwd())
from probe_server import app  # the same app object, called through ASGI


async def main():
    _, r = await app.asgi_client.get("/")
    print("over ASGI:", r.status, r.text)
    assert r.status == 200 and r.text.startswith("served by ")


asyncio.run(main())
