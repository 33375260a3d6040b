"""Bottle: cookies with secure/httponly/samesite and HMAC-signed cookies via secret=; no session object ships."""

FRAMEWORK = "bottle"
CRITERION = "sessions-and-cookies"
SHOWS = "claim"
REQUIRES = []

from wsgiref.util import setup_testing_defaults

import bottle

SECRET = "probe-secret"
app = bottle.Bottle()


@app.get("/set")
def set_cookies():
    bottle.response.set_cookie("plain", "1")
    bottle.response.set_cookie("strict", "1", secure=True, httponly=True, samesite="strict", max_age=60)
    bottle.response.set_cookie("user", "ada", secret=SECRET)
    return "ok"


@app.get("/who")
def who():
    return f"{bottle.request.get_cookie('user', secret=SECRET, default='nobody')}|{bottle.request.get_cookie('theme')}"


def call(path, cookie=""):
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "HTTP_COOKIE": cookie}
    setup_testing_defaults(environ)
    seen = {}
    body = b"".join(app(environ, lambda s, h, e=None: seen.update(headers=h)))
    return [v for k, v in seen["headers"] if k == "Set-Cookie"], body.decode()


cookies, _ = call("/set")
for c in cookies:
    print("Set-Cookie:", c)
by_name = {c.split("=", 1)[0]: c for c in cookies}
assert by_name["plain"] == "plain=1"  # Secure and HttpOnly are opt-in
assert all(a in by_name["strict"].lower() for a in ("httponly", "secure", "samesite=strict", "max-age=60"))
signed = by_name["user"].split(";")[0]
assert "ada" not in signed  # the value is encoded and carries an HMAC signature
_, body = call("/who", f"{signed}; theme=dark")
print("signed cookie read back:", body)
assert body == "ada|dark"
name, value = signed.split("=", 1)
sig_at = value.index("!") + 1  # value is "!<signature>?<payload>": change one character of the signature
tampered = f"{name}={value[:sig_at]}{'B' if value[sig_at] == 'A' else 'A'}{value[sig_at + 1 :]}"
_, body = call("/who", tampered)
print("tampered signature:", body)
assert body.startswith("nobody|")
print("session support:", [n for n in dir(bottle) if "session" in n.lower()], hasattr(bottle.request, "session"))
assert not [n for n in dir(bottle) if "session" in n.lower()] and not hasattr(bottle.request, "session")
