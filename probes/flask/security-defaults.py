"""Flask: autoescaping and an HttpOnly session cookie by default; no Secure/SameSite, CSRF check or security headers."""

FRAMEWORK = "flask"
CRITERION = "security-defaults"
SHOWS = "claim"
REQUIRES = []

from flask import Flask, render_template_string, session

app = Flask(__name__)
app.secret_key = "probe-secret"


@app.route("/", methods=["GET", "POST"])
def index():
    session["seen"] = True
    return render_template_string("<p>{{ name }}</p>", name="<script>x</script>")


client = app.test_client()
resp = client.get("/")
body = resp.get_data(as_text=True)
cookie = resp.headers["Set-Cookie"]
print("body:", body)
print("Set-Cookie:", cookie)
assert body == "<p>&lt;script&gt;x&lt;/script&gt;</p>"
attrs = [a.strip().lower() for a in cookie.split(";")]
assert "httponly" in attrs
assert "secure" not in attrs and not any(a.startswith("samesite") for a in attrs)

security_headers = ["X-Frame-Options", "Content-Security-Policy", "Strict-Transport-Security", "X-Content-Type-Options"]
present = [h for h in security_headers if h in resp.headers]
print("security headers sent:", present)
assert present == []

cross_site_post = client.post("/", data={"any": "thing"})
print("POST without any CSRF token:", cross_site_post.status_code)
assert cross_site_post.status_code == 200

print("MAX_CONTENT_LENGTH:", app.config["MAX_CONTENT_LENGTH"], "| COOKIE_SECURE:", app.config["SESSION_COOKIE_SECURE"])
assert app.config["MAX_CONTENT_LENGTH"] is None and app.config["SESSION_COOKIE_SECURE"] is False

print("evil Host header, default config:", client.get("/", headers={"Host": "evil.example"}).status_code)
assert client.get("/", headers={"Host": "evil.example"}).status_code == 200
if "TRUSTED_HOSTS" in app.config:  # opt-in Host check in recent releases
    print("TRUSTED_HOSTS default:", app.config["TRUSTED_HOSTS"])
    assert app.config["TRUSTED_HOSTS"] is None
    app.config["TRUSTED_HOSTS"] = ["good.example"]
    blocked = client.get("/", headers={"Host": "evil.example"}).status_code
    print("evil Host with TRUSTED_HOSTS set:", blocked)
    assert blocked == 400
else:
    print("TRUSTED_HOSTS setting not in this release")
