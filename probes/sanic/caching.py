"""Sanic: file() sets Last-Modified/Cache-Control and answers If-Modified-Since with 304; no ETag or cache API."""

FRAMEWORK = "sanic"
CRITERION = "caching"
SHOWS = "claim"
REQUIRES = ["sanic-testing==24.6.0"]

import pathlib
import pkgutil
import tempfile
import time

import sanic
import sanic.response
from sanic import Sanic
from sanic.response import file, text, validate_file

report = pathlib.Path(tempfile.mkdtemp()) / "report.txt"
report.write_text("file body")
app = Sanic("probe_caching", configure_logging=False)
app.config.AUTO_EXTEND = False


@app.get("/file")
async def get_file(request):
    return await file(report, request_headers=request.headers, max_age=300)


@app.get("/private")
async def private(request):
    return await file(report, no_store=True)


@app.get("/data")
async def data(request):  # any other response: validators and 304s are reused or written by hand
    stamp = time.time() - 3600
    return await validate_file(request.headers, stamp) or text("expensive result")


_, r = app.test_client.get("/file")
print("file:", r.status, r.headers["cache-control"], "| Last-Modified:", r.headers["last-modified"])
print("  Expires:", r.headers.get("expires"), "| ETag:", r.headers.get("etag"))
assert r.headers["cache-control"] == "public, max-age=300" and "expires" in r.headers and "etag" not in r.headers
_, again = app.test_client.get("/file", headers={"If-Modified-Since": r.headers["last-modified"]})
_, by_etag = app.test_client.get("/file", headers={"If-None-Match": '"anything"'})
print("If-Modified-Since ->", again.status, "| If-None-Match ->", by_etag.status)
assert again.status == 304 and by_etag.status == 200
_, nostore = app.test_client.get("/private")
print("no_store:", nostore.headers["cache-control"])
assert nostore.headers["cache-control"] == "no-store"
_, d = app.test_client.get("/data", headers={"If-Modified-Since": r.headers["last-modified"]})
print("validate_file reused for a dynamic response:", d.status, "| etag on it:", d.headers.get("etag"))
assert d.status == 304

helpers = [n for n in dir(sanic.response) if not n.startswith("_") and ("etag" in n.lower() or "cache" in n.lower())]
modules = [m.name for m in pkgutil.iter_modules(sanic.__path__) if "cach" in m.name]
print("etag/cache helpers in sanic.response:", helpers, "| cache modules in sanic:", modules)
assert helpers == [] and modules == [] and not hasattr(app, "cache")
