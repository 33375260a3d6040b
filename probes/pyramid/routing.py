"""Pyramid: regex and star placeholders, route_path/route_url, include() with route_prefix; values stay strings."""

FRAMEWORK = "pyramid"
CRITERION = "routing"
SHOWS = "claim"
REQUIRES = []

import sys
import types

from pyramid.config import Configurator
from webob import Request


def show(request):
    return {k: [type(v).__name__, v if isinstance(v, str) else list(v)] for k, v in request.matchdict.items()}


def api_routes(config):
    config.add_route("api_item", "/items/{id:\\d+}")
    config.add_view(show, route_name="api_item", renderer="json")


sys.modules["probe_api"] = types.ModuleType("probe_api")
sys.modules["probe_api"].includeme = api_routes


def urls(request):
    return [request.route_path("api_item", id=5), request.route_url("files", rest=("a", "b.txt"))]


with Configurator() as config:
    config.add_route("files", "/files/*rest")
    config.add_route("urls", "/urls")
    config.add_view(show, route_name="files", renderer="json")
    config.add_view(urls, route_name="urls", renderer="json")
    config.include("probe_api", route_prefix="/api")
    app = config.make_wsgi_app()


def get(path):
    reply = Request.blank(path).get_response(app)
    return reply.json if reply.status_int == 200 else reply.status_int


checks = {
    "/api/items/42": {"id": ["str", "42"]},  # the regex matched, but the value is still a string
    "/api/items/abc": 404,
    "/files/a/b.txt": {"rest": ["tuple", ["a", "b.txt"]]},
    "/urls": ["/api/items/5", "http://localhost/files/a/b.txt"],
}
for path, expected in checks.items():
    print(path, "->", get(path))
    assert get(path) == expected
