"""Pyramid: http_cache sets Cache-Control/Expires, WebOb 304s on If-None-Match; no cache API or response cache."""

FRAMEWORK = "pyramid"
CRITERION = "caching"
SHOWS = "claim"
REQUIRES = []

import pkgutil
from datetime import timedelta

import pyramid
from pyramid.config import Configurator
from webob import Request

calls = []


def report(request):
    calls.append(1)
    request.response.text = "the report"
    request.response.md5_etag()
    request.response.conditional_response = True
    return request.response


with Configurator() as config:
    config.add_route("report", "/report")
    config.add_route("weekly", "/weekly")
    config.add_view(report, route_name="report", http_cache=3600)
    config.add_view(
        lambda request: "weekly",
        route_name="weekly",
        renderer="string",
        http_cache=(timedelta(days=7), {"public": True}),
    )
    app = config.make_wsgi_app()

first = Request.blank("/report").get_response(app)
print(
    "http_cache=3600:",
    first.headers["Cache-Control"],
    "| Expires:",
    first.headers["Expires"],
    "| ETag:",
    first.headers["ETag"],
)
assert first.headers["Cache-Control"] == "max-age=3600" and "Expires" in first.headers
weekly = Request.blank("/weekly").get_response(app)
print("http_cache=(7 days, public):", weekly.headers["Cache-Control"])
assert weekly.headers["Cache-Control"] == "max-age=604800, public"

second = Request.blank("/report").get_response(app)
print("a second request runs the view again:", second.text, "| view calls:", len(calls))
assert len(calls) == 2, "nothing caches the response itself"
etag = second.headers["ETag"]
third = Request.blank("/report", headers={"If-None-Match": etag}).get_response(app)
print("If-None-Match:", third.status, "| body length:", len(third.body), "| view calls:", len(calls))
assert third.status_int == 304 and third.body == b""

words = ("cache", "memo")
modules = [
    m.name
    for m in pkgutil.walk_packages(pyramid.__path__, "pyramid.")
    if any(w in m.name for w in words) and ".tests" not in m.name
]
print("pyramid modules about caching:", modules)
assert not [m for m in modules if m != "pyramid.static"], "no cache API or backend abstraction"
