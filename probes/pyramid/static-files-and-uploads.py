"""Pyramid: add_static_view (local or CDN URL, cache busters); request.POST FieldStorage, large parts on disk."""

FRAMEWORK = "pyramid"
CRITERION = "static-files-and-uploads"
SHOWS = "claim"
REQUIRES = []

import os
from pathlib import Path

from pyramid.config import Configurator
from pyramid.static import QueryStringConstantCacheBuster
from webob import Request

os.makedirs("assets")
Path("assets/site.css").write_text("body{}")
seen = {}


def upload(request):
    out = []
    for name, field in request.POST.items():
        is_field_storage = any(
            c.__name__ == "FieldStorage" for c in type(field).__mro__
        )  # cgi's, via legacy-cgi on 3.13+
        seen[field.filename] = (type(field).__name__, is_field_storage, type(field.file).__name__)
        out.append({"field": name, "name": field.filename, "type": field.type, "head": field.file.read(4).decode()})
    return out


def links(request):
    return [
        request.static_url(os.path.abspath("assets/site.css")),
        request.static_url(os.path.abspath("cdn_dir/logo.png")),
    ]


os.makedirs("cdn_dir")
with Configurator() as config:
    config.add_static_view("static", os.path.abspath("assets"))
    config.add_cache_buster(os.path.abspath("assets"), QueryStringConstantCacheBuster("v42"))
    config.add_static_view("https://cdn.example/files", os.path.abspath("cdn_dir"))  # a URL as name: links only
    config.add_route("upload", "/upload")
    config.add_route("links", "/links")
    config.add_view(upload, route_name="upload", renderer="json", request_method="POST")
    config.add_view(links, route_name="links", renderer="json")
    app = config.make_wsgi_app()

css = Request.blank("/static/site.css").get_response(app)
print(
    "static:",
    css.status,
    css.text,
    "| ETag:",
    css.headers.get("ETag"),
    "| Last-Modified:",
    css.headers.get("Last-Modified"),
)
assert css.text == "body{}"
urls = Request.blank("/links").get_response(app).json
print("static_url:", urls)
assert urls[0] == "http://localhost/static/site.css?x=v42" and urls[1].startswith("https://cdn.example/files/")

big = b"BIG!" + b"x" * (200 * 1024)
req = Request.blank("/upload", POST={"small": ("a.txt", b"tiny"), "large": ("b.bin", big)})
r = req.get_response(app)
print("uploads:", r.json, "| objects:", seen)
assert {"field": "small", "name": "a.txt", "type": "text/plain", "head": "tiny"} in r.json
assert seen["a.txt"][1:] == (True, "BytesIO"), "a small part stays in memory"
assert seen["b.bin"][2] in ("BufferedRandom", "_TemporaryFileWrapper"), "a large part goes to a temporary file"
