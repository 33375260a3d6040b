"""Flask: signed-cookie session (HttpOnly by default, SECRET_KEY_FALLBACKS rotation); request.cookies, set_cookie()."""

FRAMEWORK = "flask"
CRITERION = "sessions-and-cookies"
SHOWS = "claim"
REQUIRES = []

from flask import Flask, make_response, request, session


def make_app(secret, fallbacks=(), **config):
    app = Flask(__name__)
    app.config.update(SECRET_KEY=secret, SECRET_KEY_FALLBACKS=list(fallbacks), **config)

    @app.get("/login")
    def login():
        session["user"] = "ada"
        response = make_response("ok")
        response.set_cookie("theme", "dark", samesite="Lax", partitioned=True, secure=True)
        return response

    app.get("/me")(lambda: {"user": session.get("user"), "theme": request.cookies.get("theme")})
    return app


app = make_app("old-key")
print(
    "defaults:",
    {k: app.config[k] for k in ("SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SECURE", "SESSION_COOKIE_SAMESITE")},
)
assert (
    app.config["SESSION_COOKIE_HTTPONLY"],
    app.config["SESSION_COOKIE_SECURE"],
    app.config["SESSION_COOKIE_SAMESITE"],
) == (True, False, None)
client = app.test_client()
headers = client.get("/login").headers.getlist("Set-Cookie")
print("Set-Cookie:", *headers, sep="\n  ")
assert any(h.startswith("session=") and "HttpOnly" in h for h in headers)
assert any(h.startswith("theme=") and "Partitioned" in h and "SameSite=Lax" in h for h in headers)
print("read back:", client.get("/me").json)
assert client.get("/me").json == {"user": "ada", "theme": "dark"}
cookie = client.get_cookie("session").value

forged = make_app("attacker-key").test_client()
forged.get("/login")
stranger = app.test_client()
stranger.set_cookie("session", forged.get_cookie("session").value)
print("cookie signed with another key:", stranger.get("/me").json)
assert stranger.get("/me").json["user"] is None

rotated = make_app("new-key", fallbacks=["old-key"]).test_client()
rotated.set_cookie("session", cookie)
print("after rotating to a new key, old cookie via SECRET_KEY_FALLBACKS:", rotated.get("/me").json)
assert rotated.get("/me").json["user"] == "ada"
strict = make_app("k", SESSION_COOKIE_SECURE=True, SESSION_COOKIE_SAMESITE="Lax", SESSION_COOKIE_PARTITIONED=True)
h = next(h for h in strict.test_client().get("/login").headers.getlist("Set-Cookie") if h.startswith("session="))
print("configured session cookie:", h)
assert all(flag in h for flag in ("Secure", "HttpOnly", "SameSite=Lax", "Partitioned"))
