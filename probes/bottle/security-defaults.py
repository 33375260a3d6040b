"""Bottle: templates escape {{ }}, but no CSRF, no security headers, no Host check, no Secure/HttpOnly cookies."""

FRAMEWORK = "bottle"
CRITERION = "security-defaults"
SHOWS = "claim"
REQUIRES = []

import io
from wsgiref.util import setup_testing_defaults

import bottle

escaped = bottle.template("{{x}} {{!x}}", x="<b>")
print("SimpleTemplate {{x}} and {{!x}}:", escaped)
assert escaped == "&lt;b&gt; <b>"

app = bottle.Bottle()


@app.post("/transfer")
def transfer():
    bottle.response.set_cookie("sid", "abc")
    return "done"


environ = {
    "REQUEST_METHOD": "POST",
    "PATH_INFO": "/transfer",
    "HTTP_HOST": "evil.example",
    "HTTP_ORIGIN": "https://evil.example",
    "wsgi.input": io.BytesIO(),
}
setup_testing_defaults(environ)
reply = []
body = b"".join(app(environ, lambda s, h, e=None: reply.append((s, h))))
status, headers = reply[0]
names = {name.lower() for name, _ in headers}
cookie = next(value for name, value in headers if name == "Set-Cookie")
print("cross-site POST with foreign Host, no token:", status, body)
print("response headers:", headers)
assert status == "200 OK" and body == b"done"
assert "secure" not in cookie.lower() and "httponly" not in cookie.lower()
security_headers = {"x-frame-options", "strict-transport-security", "x-content-type-options", "content-security-policy"}
assert not names & security_headers
csrf = [n for n in dir(bottle) if "csrf" in n.lower() or "xsrf" in n.lower()]
print("CSRF helpers in bottle:", csrf)
assert csrf == []
