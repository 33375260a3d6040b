"""Bottle + WebTest + Boddle: TestApp drives the app; boddle fakes bottle.request for direct calls."""

FRAMEWORK = "bottle"
CRITERION = "testing-support"
SHOWS = "claim"
REQUIRES = ["WebTest==3.0.7", "boddle==0.2.9"]

import bottle
from boddle import boddle
from webtest import TestApp

app = bottle.Bottle()


@app.post("/login")
def login():
    bottle.response.set_cookie("user", bottle.request.forms.name)
    return "ok"


@app.get("/hello")
def hello():
    return f"hello {bottle.request.get_cookie('user') or bottle.request.params.get('name', 'nobody')}"


client = TestApp(app)
client.post("/login", {"name": "ann"})
page = client.get("/hello")
print("WebTest:", page.status, page.text, "| cookies kept:", client.cookies)
assert page.text == "hello ann"
print("WebTest 404 check:", client.get("/missing", expect_errors=True).status_int)
assert client.get("/missing", expect_errors=True).status_int == 404

with boddle(params={"name": "bob"}):
    direct = hello()
print("boddle, callback called directly:", direct)
assert direct == "hello bob"
