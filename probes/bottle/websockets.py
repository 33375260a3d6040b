"""Bottle: no WebSocket support; an Upgrade: websocket request gets an ordinary HTTP reply."""

FRAMEWORK = "bottle"
CRITERION = "websockets"
SHOWS = "claim"
REQUIRES = []

import io
from wsgiref.util import setup_testing_defaults

import bottle

app = bottle.Bottle()


@app.get("/ws")
def ws():
    return "plain http" if "wsgi.websocket" not in bottle.request.environ else "socket"


environ = {
    "PATH_INFO": "/ws",
    "HTTP_CONNECTION": "Upgrade",
    "HTTP_UPGRADE": "websocket",
    "HTTP_SEC_WEBSOCKET_KEY": "dGhlIHNhbXBsZSBub25jZQ==",
    "HTTP_SEC_WEBSOCKET_VERSION": "13",
    "wsgi.input": io.BytesIO(),
}
setup_testing_defaults(environ)
status = []
body = b"".join(app(environ, lambda s, h, e=None: status.append(s)))
print("upgrade request:", status[0], body)
assert status[0] == "200 OK" and body == b"plain http"
names = [n for n in dir(bottle) if "websocket" in n.lower()]
print("websocket names in bottle:", names)
assert names == []
