"""Pyramid: the view receives a WebOb-based pyramid.request.Request; a thread-local accessor also exists."""

FRAMEWORK = "pyramid"
CRITERION = "request-object"
SHOWS = "presence"
REQUIRES = []

import pyramid.request
import webob.request
from pyramid.config import Configurator
from pyramid.threadlocal import get_current_request
from webob import Request

seen = {}


def echo(request):
    seen["same_as_threadlocal"] = get_current_request() is request
    seen["types"] = (isinstance(request, pyramid.request.Request), isinstance(request, webob.request.BaseRequest))
    return {
        "id": request.matchdict["id"],
        "q": request.params["q"],
        "json": request.json_body,
        "header": request.headers["X-Probe"],
        "url": request.route_path("item", id="7"),
    }


with Configurator() as config:
    config.add_route("item", "/items/{id}")
    config.add_view(echo, route_name="item", renderer="json")
    app = config.make_wsgi_app()

incoming = Request.blank("/items/42?q=search", method="POST", json={"n": 1}, headers={"X-Probe": "h"})
reply = incoming.get_response(app).json
print("view saw:", reply, seen)
assert reply == {"id": "42", "q": "search", "json": {"n": 1}, "header": "h", "url": "/items/7"}
assert seen == {"same_as_threadlocal": True, "types": (True, True)}
