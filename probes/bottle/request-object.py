"""Bottle: callbacks read the thread-local global bottle.request, which stays per-request under concurrency."""

FRAMEWORK = "bottle"
CRITERION = "request-object"
SHOWS = "presence"
REQUIRES = []

import io
import json
import threading
from wsgiref.util import setup_testing_defaults

import bottle

app = bottle.Bottle()
both_inside = threading.Barrier(2, timeout=10)


@app.post("/items/<item>")
def handler(item):
    both_inside.wait()  # two requests are in flight at once before either reads bottle.request
    req = bottle.request
    return {
        "item": item,
        "q": req.query.q,
        "json": req.json,
        "header": req.headers["X-Probe"],
        "cookie": req.get_cookie("c"),
        "proxy": type(req).__name__,
    }


results = {}


def call(n):
    body = json.dumps({"n": n}).encode()
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": f"/items/i{n}",
        "QUERY_STRING": f"q=query{n}",
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(body)),
        "HTTP_X_PROBE": f"h{n}",
        "HTTP_COOKIE": f"c=cookie{n}",
        "wsgi.input": io.BytesIO(body),
    }
    setup_testing_defaults(environ)
    results[n] = json.loads(b"".join(app(environ, lambda *a: None)))


threads = [threading.Thread(target=call, args=(n,)) for n in (1, 2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for n in (1, 2):
    print(n, results[n])
    expected = {"item": f"i{n}", "q": f"query{n}", "json": {"n": n}, "header": f"h{n}", "cookie": f"cookie{n}"}
    assert results[n] == {**expected, "proxy": "LocalRequest"}
