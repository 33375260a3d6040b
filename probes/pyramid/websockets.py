"""Pyramid: no WebSocket support; an Upgrade: websocket request reaches an ordinary view."""

FRAMEWORK = "pyramid"
CRITERION = "websockets"
SHOWS = "claim"
REQUIRES = []

import pkgutil

import pyramid
from pyramid.config import Configurator
from webob import Request

with Configurator() as config:
    config.add_route("ws", "/ws")
    config.add_view(lambda request: "plain http", route_name="ws", renderer="string")
    app = config.make_wsgi_app()

upgrade = {
    "Connection": "Upgrade",
    "Upgrade": "websocket",
    "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
    "Sec-WebSocket-Version": "13",
}
reply = Request.blank("/ws", headers=upgrade).get_response(app)
print("upgrade request:", reply.status, reply.text)
assert reply.status_int == 200 and reply.text == "plain http"
modules = [m.name for m in pkgutil.walk_packages(pyramid.__path__, "pyramid.")]
found = [m for m in modules if "websocket" in m or "asgi" in m]
print("websocket/asgi modules in pyramid:", found)
assert len(modules) > 20 and found == []
