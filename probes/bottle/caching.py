"""Bottle: core answers 304s only for static_file(); bottle-file-cache's @cache() stores route output on disk."""

FRAMEWORK = "bottle"
CRITERION = "caching"
SHOWS = "claim"
REQUIRES = ["bottle-file-cache==1.1.0"]

import pathlib
import tempfile
from wsgiref.util import setup_testing_defaults

import bottle
from bottle_file_cache import cache

root = pathlib.Path(tempfile.mkdtemp())
(root / "site.css").write_text("body{}")
calls = []
app = bottle.Bottle()


@app.route("/report", method=["GET", "POST"])
@cache(params=["q"])
def report():
    calls.append(bottle.request.params.get("q"))
    return f"report {bottle.request.params.get('q')} #{len(calls)}"


@app.get("/static/<path:path>")
def static(path):
    return bottle.static_file(path, root=str(root))


def call(path, method="GET", query="", **headers):
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query}
    environ.update({f"HTTP_{k.upper()}": v for k, v in headers.items()})
    setup_testing_defaults(environ)
    seen = {}
    body = b"".join(app(environ, lambda s, h, e=None: seen.update(status=s, headers={k.lower(): v for k, v in h})))
    return int(seen["status"][:3]), seen["headers"], body.decode()


first = call("/report", query="q=a")
second = call("/report", query="q=a")
other = call("/report", query="q=b")
post = call("/report", method="POST", query="q=a")
for label, (status, headers, body) in [("first", first), ("second", second), ("q=b", other), ("POST", post)]:
    print(label, status, body, "| Cached-Since:", headers.get("cached-since"))
assert first[2] == second[2] == "report a #1" and "cached-since" in second[1]
assert other[2] == "report b #2" and post[2] == "report a #3"  # other params and POSTs are not served from cache
print("handler calls:", calls)

s = call("/static/site.css")
s304 = call("/static/site.css", If_None_Match=s[1]["etag"])
print("static_file:", s[0], s[1]["etag"], s[1]["last-modified"], "->", s304[0])
assert s304[0] == 304
names = [n for n in dir(bottle) if "cach" in n.lower() and not n.startswith("__")]
print("cache-named things in bottle core:", names)
assert names == ["cached_property"]  # a memoising property decorator, not a data or response cache
