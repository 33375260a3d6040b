"""Flask: before/after/teardown request hooks, no CORS of its own; Flask-CORS answers preflights by pattern or view."""

FRAMEWORK = "flask"
CRITERION = "middleware-and-cors"
SHOWS = "claim"
REQUIRES = ["Flask-Cors==6.0.5"]

from flask import Flask, request
from flask_cors import CORS, cross_origin

log = []


def make_app():
    app = Flask(__name__)

    @app.before_request
    def guard():
        log.append("before")
        if request.path == "/api/blocked":
            return "stopped by before_request", 403  # a hook may answer in the view's place

    @app.after_request
    def stamp(response):
        response.headers["X-Hooked"] = "yes"
        return response

    app.teardown_request(lambda exc: log.append("teardown"))
    app.add_url_rule("/api/items", "items", lambda: ["a"])
    app.add_url_rule("/api/blocked", "blocked", lambda: "never")
    app.add_url_rule("/private", "private", lambda: "private")
    app.add_url_rule("/widget", "widget", cross_origin(origins="https://widget.example")(lambda: "widget"))
    return app


preflight = {"Origin": "https://app.example", "Access-Control-Request-Method": "PUT"}
bare = make_app().test_client()
r, p = bare.get("/api/items"), bare.options("/api/items", headers=preflight)
print("hooks:", r.headers["X-Hooked"], log, "| blocked:", bare.get("/api/blocked").status_code)
print(
    "Flask alone, preflight:",
    p.status_code,
    "Allow:",
    p.headers.get("Allow"),
    "| ACAO:",
    p.headers.get("Access-Control-Allow-Origin"),
)
assert log[:2] == ["before", "teardown"] and r.headers["X-Hooked"] == "yes"
assert bare.get("/api/blocked").status_code == 403
assert not any(name.startswith("Access-Control") for name, _ in p.headers), "no CORS headers without an extension"

app = make_app()
CORS(app, resources={r"/api/*": {"origins": ["https://app.example"], "max_age": 600}})
client = app.test_client()
p = client.options("/api/items", headers=preflight)
print(
    "Flask-CORS preflight:",
    p.status_code,
    p.headers.get("Access-Control-Allow-Origin"),
    p.headers.get("Access-Control-Allow-Methods"),
    p.headers.get("Access-Control-Max-Age"),
)
assert (
    p.headers["Access-Control-Allow-Origin"] == "https://app.example"
    and "PUT" in p.headers["Access-Control-Allow-Methods"]
)
assert p.headers["Access-Control-Max-Age"] == "600"
outside = client.get("/private", headers={"Origin": "https://app.example"})
widget = client.get("/widget", headers={"Origin": "https://widget.example"})
print(
    "outside the pattern:",
    outside.headers.get("Access-Control-Allow-Origin"),
    "| @cross_origin view:",
    widget.headers.get("Access-Control-Allow-Origin"),
)
assert "Access-Control-Allow-Origin" not in outside.headers
assert widget.headers["Access-Control-Allow-Origin"] == "https://widget.example"
