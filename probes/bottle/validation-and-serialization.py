"""Bottle: request.json and dict replies work; lists are not converted, big bodies get 413, nothing validates."""

FRAMEWORK = "bottle"
CRITERION = "validation-and-serialization"
SHOWS = "claim"
REQUIRES = []

import io
import json
from wsgiref.util import setup_testing_defaults

import bottle

app = bottle.Bottle()


@app.post("/people")
def create():
    person = bottle.request.json
    return {"received": person, "age_type": type(person["age"]).__name__}


@app.get("/people")
def listing():
    return [{"name": "ann"}]


def call(method, path, body=b""):
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "wsgi.input": io.BytesIO(body)}
    environ.update({"CONTENT_TYPE": "application/json", "CONTENT_LENGTH": str(len(body))})
    setup_testing_defaults(environ)
    out = []
    data = b"".join(app(environ, lambda s, h, e=None: out.append((s, dict(h)))))
    return out[0][0], out[0][1].get("Content-Type"), data


status, ctype, data = call("POST", "/people", json.dumps({"name": "ann", "age": "not a number"}).encode())
print("dict reply:", status, ctype, data)
assert ctype == "application/json" and json.loads(data)["age_type"] == "str"  # accepted as-is: no validation
print("list reply:", call("GET", "/people")[0])
assert call("GET", "/people")[0].startswith("500")
big = json.dumps({"name": "x" * bottle.BaseRequest.MEMFILE_MAX, "age": 1}).encode()
print(f"body over MEMFILE_MAX ({bottle.BaseRequest.MEMFILE_MAX} bytes):", call("POST", "/people", big)[0])
assert call("POST", "/people", big)[0].startswith("413")
