"""Flask: code deep inside a view reads the active request through the flask.request proxy."""

FRAMEWORK = "flask"
CRITERION = "request-object"
SHOWS = "presence"
REQUIRES = []

from flask import Flask, request

app = Flask(__name__)


def caller_agent():
    # A plain helper: it is not given the request, it looks it up.
    return request.headers.get("User-Agent", "")


@app.route("/hello/<name>")
def hello(name):
    return f"{name} via {caller_agent()} page={request.args.get('page')}"


body = app.test_client().get("/hello/ada?page=3", headers={"User-Agent": "probe-agent"}).get_data(as_text=True)
print("body:", body)
assert body == "ada via probe-agent page=3"

try:
    caller_agent()
except RuntimeError as exc:
    print("outside a request:", type(exc).__name__, str(exc).splitlines()[0])
else:
    raise AssertionError("request was usable without a request context")
