"""Pyramid: a PasteDeploy .ini builds the app, pserve serves it with Waitress, add_static_view serves assets."""

FRAMEWORK = "pyramid"
CRITERION = "deployment"
SHOWS = "claim"
REQUIRES = ["waitress==3.0.2"]

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

root = tempfile.mkdtemp()
os.makedirs(os.path.join(root, "static"))
with open(os.path.join(root, "static", "app.css"), "w") as f:
    f.write("body { color: teal; }\n")
with open(os.path.join(root, "probe_app.py"), "w") as f:
    f.write(
        "from pyramid.config import Configurator\n\n"
        "def main(global_config, **settings):\n"
        "    with Configurator(settings=settings) as config:\n"
        "        config.add_static_view('static', 'static')\n"
        "        config.add_route('home', '/')\n"
        "        config.add_view(lambda r: r.registry.settings['greeting'], route_name='home', renderer='string')\n"
        "        return config.make_wsgi_app()\n"
    )
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
with open(os.path.join(root, "production.ini"), "w") as f:
    f.write(
        "[app:main]\nuse = call:probe_app:main\ngreeting = hello from ini\n\n"
        f"[server:main]\nuse = egg:waitress#main\nlisten = 127.0.0.1:{port}\n"
    )

pserve = os.path.join(os.path.dirname(sys.executable), "pserve")
env = dict(os.environ, PYTHONPATH=root)
quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
server = subprocess.Popen([pserve, "production.ini"], cwd=root, env=env, **quiet)
try:
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as reply:
                home = (reply.status, reply.read(), reply.headers.get("Server"))
            break
        except OSError:
            time.sleep(0.1)
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/app.css") as reply:
        asset = (reply.status, reply.read())
finally:
    server.terminate()
    server.wait(10)
print("pserve production.ini -> GET /:", home)
print("static view:", asset)
assert home[:2] == (200, b"hello from ini") and home[2] == "waitress"
assert asset == (200, b"body { color: teal; }\n")
