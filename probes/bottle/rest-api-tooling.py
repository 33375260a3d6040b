"""Bottle: verb decorators, dict-to-JSON and HTTPError work, but core has no OpenAPI or serializer tooling."""

FRAMEWORK = "bottle"
CRITERION = "rest-api-tooling"
SHOWS = "claim"
REQUIRES = []

import io
import json
from wsgiref.util import setup_testing_defaults

import bottle

app = bottle.Bottle()
pets = {"rex": {"kind": "dog"}}


@app.get("/pets/<name>")
def show(name):
    if name not in pets:
        bottle.abort(404, "no such pet")
    return pets[name]


@app.patch("/pets/<name>")
def update(name):
    pets[name].update(bottle.request.json)
    return pets[name]


def call(method, path, payload=None):
    body = json.dumps(payload).encode() if payload else b""
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "wsgi.input": io.BytesIO(body)}
    environ.update({"CONTENT_TYPE": "application/json", "CONTENT_LENGTH": str(len(body))})
    setup_testing_defaults(environ)
    out = []
    data = b"".join(app(environ, lambda s, h, e=None: out.append((s, dict(h)))))
    return out[0][0], out[0][1].get("Content-Type"), data


print("GET:", call("GET", "/pets/rex"))
assert call("GET", "/pets/rex")[1:] == ("application/json", b'{"kind": "dog"}')
print("PATCH:", call("PATCH", "/pets/rex", {"age": 3}))
assert json.loads(call("GET", "/pets/rex")[2]) == {"kind": "dog", "age": 3}
print("missing:", call("GET", "/pets/tom")[0])
assert call("GET", "/pets/tom")[0].startswith("404")

# The stated limit: nothing in the module generates OpenAPI/Swagger or negotiates content.
words = ("openapi", "swagger", "schema", "serializ", "negotiat")
tooling = [n for n in dir(bottle) if any(w in n.lower() for w in words)]
print("API tooling names in bottle:", tooling)
assert tooling == []
