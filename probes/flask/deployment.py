"""Flask: the app is a plain WSGI callable served by a WSGI server, works behind ProxyFix, and via WsgiToAsgi."""

FRAMEWORK = "flask"
CRITERION = "deployment"
SHOWS = "claim"
REQUIRES = ["asgiref==3.13.0"]

import asyncio
import threading
import urllib.request
from wsgiref.simple_server import WSGIRequestHandler, make_server
from wsgiref.validate import validator

from asgiref.wsgi import WsgiToAsgi
from flask import Flask, request
from werkzeug.middleware.proxy_fix import ProxyFix

app = Flask(__name__)


@app.route("/")
def index():
    return f"{request.scheme}://{request.host} from {request.remote_addr}"


class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


# 1. A standard WSGI server (stdlib wsgiref, with PEP 3333 checking) on loopback.
server = make_server("127.0.0.1", 0, validator(app), handler_class=Quiet)
threading.Thread(target=server.handle_request, daemon=True).start()
with urllib.request.urlopen(f"http://127.0.0.1:{server.server_port}/", timeout=10) as r:
    status, text = r.status, r.read().decode()
print("wsgiref:", status, text)
assert status == 200 and text.startswith(f"http://127.0.0.1:{server.server_port} from 127.0.0.1")
server.server_close()

# 2. ProxyFix trusts the proxy's forwarded headers.
app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)
fwd = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "example.org", "X-Forwarded-For": "203.0.113.9"}
body = app.test_client().get("/", headers=fwd).get_data(as_text=True)
print("behind ProxyFix:", body)
assert body == "https://example.org from 203.0.113.9"

# 3. asgiref's WsgiToAsgi turns it into an ASGI app.
sent = []


async def call_asgi():
    scope = {"type": "http", "method": "GET", "path": "/", "query_string": b"", "headers": [], "http_version": "1.1"}
    scope |= {"scheme": "http", "server": ("testserver", 80), "client": ("127.0.0.1", 5000), "root_path": ""}

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    await WsgiToAsgi(app)(scope, receive, send)


asyncio.run(call_asgi())
print("ASGI messages:", [(m["type"], m.get("status"), m.get("body")) for m in sent])
assert sent[0]["status"] == 200
assert b"http://testserver" in b"".join(m.get("body", b"") for m in sent)
