"""Flask: test client (JSON, cookies, session_transaction, redirects), CLI runner and test_request_context."""

FRAMEWORK = "flask"
CRITERION = "testing-support"
SHOWS = "claim"
REQUIRES = []

from flask import Flask, redirect, request, session, url_for

app = Flask(__name__)
app.secret_key = "probe-secret"


@app.post("/echo")
def echo():
    return {"got": request.get_json(), "user": session.get("user")}


@app.get("/old")
def old():
    return redirect(url_for("new"))


@app.get("/new")
def new():
    return "new place"


@app.cli.command("hello")
def hello():
    print("hello from cli")


client = app.test_client()
with client.session_transaction() as sess:
    sess["user"] = "ada"
data = client.post("/echo", json={"n": 1}).get_json()
print("json + session:", data)
assert data == {"got": {"n": 1}, "user": "ada"}

followed = client.get("/old", follow_redirects=True)
print("redirect followed:", followed.status_code, followed.get_data(as_text=True), len(followed.history))
assert followed.get_data(as_text=True) == "new place" and len(followed.history) == 1

cli = app.test_cli_runner().invoke(args=["hello"])
print("cli:", cli.exit_code, cli.output.strip())
assert cli.output.strip() == "hello from cli"

with app.test_request_context("/anything?x=1"):
    print("test_request_context:", request.path, request.args["x"])
    assert request.args["x"] == "1"
