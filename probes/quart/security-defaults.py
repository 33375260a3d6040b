"""Quart: autoescaping, HttpOnly session cookie and body/response limits by default; no Secure, CSRF or headers."""

FRAMEWORK = "quart"
CRITERION = "security-defaults"
SHOWS = "claim"
REQUIRES = []

import asyncio

from quart import Quart, render_template_string, request, session

app = Quart(__name__)
app.secret_key = "probe-secret"


@app.route("/", methods=["GET", "POST"])
async def index():
    session["seen"] = True
    await request.get_data()
    return await render_template_string("<p>{{ v }}</p>", v="<script>x</script>")


limits = {k: app.config[k] for k in ("MAX_CONTENT_LENGTH", "BODY_TIMEOUT", "RESPONSE_TIMEOUT", "SESSION_COOKIE_SECURE")}
print("config defaults:", limits, "| SAMESITE:", app.config["SESSION_COOKIE_SAMESITE"])
assert limits == {
    "MAX_CONTENT_LENGTH": 16 * 1024 * 1024,
    "BODY_TIMEOUT": 60,
    "RESPONSE_TIMEOUT": 60,
    "SESSION_COOKIE_SECURE": False,
}
assert app.config["SESSION_COOKIE_SAMESITE"] is None


async def main():
    client = app.test_client()
    resp = await client.get("/")
    body = await resp.get_data(as_text=True)
    cookie = resp.headers["Set-Cookie"]
    print("body:", body, "| Set-Cookie:", cookie)
    assert body == "<p>&lt;script&gt;x&lt;/script&gt;</p>"
    attrs = [a.strip().lower() for a in cookie.split(";")]
    assert "httponly" in attrs and "secure" not in attrs and not any(a.startswith("samesite") for a in attrs)
    headers = ["X-Frame-Options", "Content-Security-Policy", "Strict-Transport-Security", "X-Content-Type-Options"]
    present = [h for h in headers if h in resp.headers]
    print("security headers sent:", present)
    assert present == []
    post = await client.post("/", form={"x": "1"}, headers={"Host": "evil.example"})
    print("cross-site style POST with odd Host, no token:", post.status_code)
    assert post.status_code == 200
    app.config["TRUSTED_HOSTS"] = ["good.example"]  # a Flask setting; see whether Quart enforces it
    odd = await client.get("/", headers={"Host": "evil.example"})
    print("odd Host with TRUSTED_HOSTS set:", odd.status_code)
    assert odd.status_code == 200
    big = await client.post("/", data=b"x" * (16 * 1024 * 1024 + 1))
    print("17 MB body:", big.status_code)
    assert big.status_code == 413


asyncio.run(main())
