"""Bottle: before/after_request hooks, plugins and WSGI middleware wrap requests; CORS is hand-written in hooks."""

FRAMEWORK = "bottle"
CRITERION = "middleware-and-cors"
SHOWS = "claim"
REQUIRES = []

import inspect
from wsgiref.util import setup_testing_defaults

import bottle


def call(wsgi, method, path, **headers):
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, **{f"HTTP_{k.upper()}": v for k, v in headers.items()}}
    setup_testing_defaults(environ)
    seen = {}
    body = b"".join(wsgi(environ, lambda status, hdrs, exc=None: seen.update(status=status, headers=dict(hdrs))))
    return int(seen["status"][:3]), seen["headers"], body.decode()


def make_app():
    app = bottle.Bottle()
    app.add_hook("after_request", lambda: bottle.response.set_header("X-Hook", "after"))
    app.install(lambda callback: lambda *a, **kw: callback(*a, **kw).upper())  # a plugin wraps each callback
    app.post("/api", callback=lambda: "hello")
    return app


def wsgi_middleware(inner):  # any WSGI middleware can wrap the app too
    def wrapped(environ, start_response):
        return inner(environ, lambda s, h, e=None: start_response(s, [*h, ("X-Wsgi", "yes")]))

    return wrapped


PREFLIGHT = {"Origin": "https://app.example", "Access_Control_Request_Method": "POST"}
app = make_app()
status, headers, body = call(wsgi_middleware(app), "POST", "/api")
print("POST /api:", status, body, headers.get("X-Hook"), headers.get("X-Wsgi"))
assert (status, body, headers["X-Hook"], headers["X-Wsgi"]) == (200, "HELLO", "after", "yes")
status, headers, _ = call(app, "OPTIONS", "/api", **PREFLIGHT)
print("preflight, no CORS code:", status, {k: v for k, v in headers.items() if k.startswith("Access-Control")})
assert status == 405 and not any(k.startswith("Access-Control") for k in headers)
print("CORS in bottle:", [n for n in dir(bottle) if "cors" in n.lower()], "Access-Control" in inspect.getsource(bottle))
assert not [n for n in dir(bottle) if "cors" in n.lower()] and "Access-Control" not in inspect.getsource(bottle)

# The FAQ recipe: headers in after_request, preflights answered in before_request.
app = make_app()


@app.hook("after_request")
def cors_headers():
    bottle.response.set_header("Access-Control-Allow-Origin", "https://app.example")
    bottle.response.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")


@app.hook("before_request")
def answer_preflight():
    if bottle.request.method == "OPTIONS":
        raise bottle.HTTPResponse(status=204, headers={"Access-Control-Allow-Origin": "https://app.example"})


status, headers, _ = call(app, "OPTIONS", "/api", **PREFLIGHT)
print("preflight with hand-written hooks:", status, headers.get("Access-Control-Allow-Origin"))
assert status == 204 and headers["Access-Control-Allow-Origin"] == "https://app.example"
