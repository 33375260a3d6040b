"""Falcon: cookies default to Secure+HttpOnly, CORS is closed, errors hide tracebacks; no headers or Host check."""

FRAMEWORK = "falcon"
CRITERION = "security-defaults"
SHOWS = "claim"
REQUIRES = []

import falcon
import falcon.testing


class Login:
    def on_get(self, req, resp):
        resp.set_cookie("sid", "abc")
        resp.media = {"ok": True}

    def on_post(self, req, resp):
        raise ValueError("secret internal detail")


def build(**kwargs):
    app = falcon.App(**kwargs)
    app.add_route("/login", Login())
    return falcon.testing.TestClient(app)


client = build()
resp = client.simulate_get("/login", headers={"Origin": "https://other.example", "Host": "evil.example"})
cookie = resp.headers["Set-Cookie"]
print("Set-Cookie:", cookie)
attrs = [a.strip().lower() for a in cookie.split(";")]
assert "secure" in attrs and "httponly" in attrs and not any(a.startswith("samesite") for a in attrs)
print("CORS header by default:", resp.headers.get("Access-Control-Allow-Origin"))
assert "Access-Control-Allow-Origin" not in resp.headers
print("odd Host header accepted:", resp.status)
assert resp.status_code == 200
present = [h for h in ("X-Frame-Options", "Strict-Transport-Security", "Content-Security-Policy") if h in resp.headers]
print("security headers sent:", present)
assert present == []

err = client.simulate_post("/login")
print("unhandled error:", err.status, err.text)
assert err.status_code == 500 and "secret internal detail" not in err.text and "Traceback" not in err.text

opened = build(cors_enable=True).simulate_get("/login", headers={"Origin": "https://other.example"})
print("with cors_enable=True:", opened.headers.get("Access-Control-Allow-Origin"))
assert opened.headers.get("Access-Control-Allow-Origin") == "*"
