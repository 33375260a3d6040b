"""Falcon: falcon.App runs under a stdlib WSGI server, add_static_route serves files, falcon.asgi.App speaks ASGI."""

FRAMEWORK = "falcon"
CRITERION = "deployment"
SHOWS = "claim"
REQUIRES = []

import asyncio
import os
import tempfile
import threading
import urllib.request
from wsgiref.simple_server import WSGIRequestHandler, make_server
from wsgiref.validate import validator

import falcon
import falcon.asgi


class Hello:
    def on_get(self, req, resp):
        resp.text = f"hello from {req.host}"


static_dir = tempfile.mkdtemp()
with open(os.path.join(static_dir, "site.css"), "w") as fh:
    fh.write("body{color:red}")

app = falcon.App()
app.add_route("/", Hello())
app.add_static_route("/static", static_dir)


class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


server = make_server("127.0.0.1", 0, validator(app), handler_class=Quiet)
threading.Thread(target=server.serve_forever, daemon=True).start()
port = server.server_port
for path, expected in (("/", "hello from 127.0.0.1"), ("/static/site.css", "body{color:red}")):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
        status, text, ctype = r.status, r.read().decode(), r.headers["Content-Type"]
    print(path, status, ctype, text)
    assert status == 200 and text == expected
server.shutdown()
server.server_close()


class AsyncHello:
    async def on_get(self, req, resp):
        resp.text = "hello over ASGI"


asgi_app = falcon.asgi.App()
asgi_app.add_route("/", AsyncHello())
sent = []


async def call_asgi():
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http"}
    scope |= {"path": "/", "query_string": b"", "headers": [(b"host", b"localhost")], "server": ("localhost", 80)}

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    await asgi_app(scope, receive, send)


asyncio.run(call_asgi())
print("ASGI messages:", [(m["type"], m.get("status"), m.get("body")) for m in sent])
assert sent[0]["status"] == 200
assert b"".join(m.get("body", b"") for m in sent) == b"hello over ASGI"
