"""Pyramid: JSON renderer, method/accept predicates and HTTP exceptions are built in; no OpenAPI in core."""

FRAMEWORK = "pyramid"
CRITERION = "rest-api-tooling"
SHOWS = "claim"
REQUIRES = []

import pkgutil

import pyramid
from pyramid.config import Configurator
from pyramid.httpexceptions import HTTPNotFound
from webob import Request

pets = {"rex": {"kind": "dog"}}


def show(request):
    name = request.matchdict["name"]
    if name not in pets:
        raise HTTPNotFound(json_body={"error": "no such pet"})
    return pets[name]


def show_text(request):
    return f"{request.matchdict['name']} is a {pets[request.matchdict['name']]['kind']}"


def update(request):
    pets[request.matchdict["name"]].update(request.json_body)
    return pets[request.matchdict["name"]]


with Configurator() as config:
    config.add_route("pet", "/pets/{name}")
    config.add_view(show, route_name="pet", request_method="GET", accept="application/json", renderer="json")
    config.add_view(show_text, route_name="pet", request_method="GET", accept="text/plain", renderer="string")
    config.add_view(update, route_name="pet", request_method="PATCH", renderer="json")
    app = config.make_wsgi_app()

as_json = Request.blank("/pets/rex", accept="application/json").get_response(app)
as_text = Request.blank("/pets/rex", accept="text/plain").get_response(app)
print("Accept JSON:", as_json.content_type, as_json.text, "| Accept text:", as_text.content_type, as_text.text)
assert as_json.json == {"kind": "dog"} and as_text.text == "rex is a dog"
patched = Request.blank("/pets/rex", method="PATCH", json={"age": 3}).get_response(app)
print("PATCH:", patched.status, patched.json)
assert patched.json == {"kind": "dog", "age": 3}
missing = Request.blank("/pets/tom", accept="application/json").get_response(app)
print("missing:", missing.status, missing.json)
assert missing.status_int == 404 and missing.json == {"error": "no such pet"}

modules = [m.name for m in pkgutil.walk_packages(pyramid.__path__, "pyramid.")]
spec_modules = [m for m in modules if "openapi" in m or "swagger" in m or "schema" in m]
print("OpenAPI/schema modules in pyramid:", spec_modules)
assert spec_modules == []
