"""Bottle: run() serves the WSGI app on a socket; server adapters, static_file() and config loading are built in."""

FRAMEWORK = "bottle"
CRITERION = "deployment"
SHOWS = "claim"
REQUIRES = []

import os
import tempfile
import threading
import time
import urllib.request

import bottle

root = tempfile.mkdtemp()
with open(os.path.join(root, "app.css"), "w") as f:
    f.write("body { color: teal; }\n")
with open(os.path.join(root, "app.ini"), "w") as f:
    f.write("[bottle]\ngreeting = hello from ini\n")

app = bottle.Bottle()
app.config.load_config(os.path.join(root, "app.ini"))


@app.get("/")
def index():
    return app.config["greeting"]


@app.get("/static/<name>")
def static(name):
    return bottle.static_file(name, root=root)


wanted = ("gunicorn", "waitress", "cheroot", "gevent", "bjoern", "wsgiref")
adapters = sorted(n for n in wanted if n in bottle.server_names)
print("server adapters:", adapters)
assert adapters == ["bjoern", "cheroot", "gevent", "gunicorn", "waitress", "wsgiref"]

server = bottle.WSGIRefServer(host="127.0.0.1", port=0)
threading.Thread(target=bottle.run, kwargs={"app": app, "server": server, "quiet": True}, daemon=True).start()
for _ in range(100):
    if getattr(server, "srv", None):
        break
    time.sleep(0.05)
base = f"http://127.0.0.1:{server.srv.server_port}"
with urllib.request.urlopen(base + "/") as reply:  # noqa: S310 (loopback)
    body = reply.read()
    print("GET / over a loopback socket:", reply.status, body)
    assert body == b"hello from ini"
ranged = urllib.request.Request(base + "/static/app.css", headers={"Range": "bytes=0-3"})  # noqa: S310 (loopback)
with urllib.request.urlopen(ranged) as reply:  # noqa: S310 (loopback)
    print("static_file with Range:", reply.status, reply.read(), "ETag:", reply.headers["ETag"])
    assert reply.status == 206 and reply.headers["ETag"]
server.srv.shutdown()
