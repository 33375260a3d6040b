"""Bottle: auth_basic, request.auth and signed cookies work, but no session, user or permission layer ships."""

FRAMEWORK = "bottle"
CRITERION = "authentication-and-permissions"
SHOWS = "claim"
REQUIRES = []

import base64
import io
from wsgiref.util import setup_testing_defaults

import bottle

app = bottle.Bottle()


@app.get("/secret")
@bottle.auth_basic(lambda user, password: (user, password) == ("ann", "pw"))
def secret():
    return f"hello {bottle.request.auth[0]}"


@app.get("/login")
def login():
    bottle.response.set_cookie("uid", "ann", secret="k3y")
    return "ok"


@app.get("/me")
def me():
    return bottle.request.get_cookie("uid", secret="k3y") or "nobody"


def call(path, **headers):
    environ = {"PATH_INFO": path, "wsgi.input": io.BytesIO()}
    environ.update({"HTTP_" + k.upper(): v for k, v in headers.items()})
    setup_testing_defaults(environ)
    out = []
    body = b"".join(app(environ, lambda s, h, e=None: out.append((s, h))))
    return out[0][0][:3], dict(out[0][1]), body


token = base64.b64encode(b"ann:pw").decode()
print("no credentials:", call("/secret")[0], "| basic auth:", call("/secret", authorization="Basic " + token)[::2])
assert call("/secret")[0] == "401" and call("/secret", authorization="Basic " + token)[2] == b"hello ann"

cookie = call("/login")[1]["Set-Cookie"].split(";")[0]
tampered = cookie[:-3] + "AAA"
print("signed cookie:", call("/me", cookie=cookie)[2], "| tampered:", call("/me", cookie=tampered)[2])
assert call("/me", cookie=cookie)[2] == b"ann" and call("/me", cookie=tampered)[2] == b"nobody"

# The stated limit: nothing for sessions, users, password hashing or permissions.
missing = [n for n in dir(bottle) if any(w in n.lower() for w in ("session", "user", "permission", "passw", "login"))]
print("session/user/permission names in bottle:", missing, "| request.session:", hasattr(bottle.BaseRequest, "session"))
assert missing == [] and not hasattr(bottle.BaseRequest, "session")
