"""Sanic: cookies default to Secure and SameSite=Lax, proxy headers are untrusted, bodies are capped."""

FRAMEWORK = "sanic"
CRITERION = "security-defaults"
SHOWS = "claim"
REQUIRES = ["sanic-testing==24.6.0"]

from sanic import Sanic
from sanic.response import text

app = Sanic("probe_security", configure_logging=False)
print("REQUEST_MAX_SIZE:", app.config.REQUEST_MAX_SIZE, "REQUEST_TIMEOUT:", app.config.REQUEST_TIMEOUT)
assert app.config.REQUEST_MAX_SIZE > 0 and app.config.REQUEST_TIMEOUT > 0
app.config.REQUEST_MAX_SIZE = 1000  # small cap to show the limit being enforced


@app.route("/", methods=["GET", "POST"])
async def page(request):
    response = text(f"client ip={request.remote_addr!r}")
    response.add_cookie("sid", "abc")
    return response


_, r = app.test_client.get("/", headers={"X-Forwarded-For": "203.0.113.9", "X-Real-IP": "203.0.113.9"})
cookie = r.headers.get("set-cookie", "")
_, post = app.test_client.post("/", data="x")
_, big = app.test_client.post("/", data="x" * 5000)
print("spoofed forwarded headers ->", r.text, "| Set-Cookie:", cookie)
print("POST without CSRF token:", post.status, "| 5000-byte body over a 1000-byte cap:", big.status)
print("X-Frame-Options:", r.headers.get("x-frame-options"))
assert "203.0.113.9" not in r.text
assert "secure" in cookie.lower() and "samesite=lax" in cookie.lower()
assert post.status == 200 and big.status == 413
assert "x-frame-options" not in r.headers
