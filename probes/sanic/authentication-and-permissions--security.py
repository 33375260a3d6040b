"""Sanic: sanic-security registers accounts, logs them in with a session cookie and checks role permissions."""

FRAMEWORK = "sanic"
CRITERION = "authentication-and-permissions"
SHOWS = "claim"
REQUIRES = ["sanic-security==1.17.8", "sanic-testing==24.6.0"]

import base64

from sanic import Sanic
from sanic.response import text
from sanic_security.authentication import initialize_security, login, register, requires_authentication
from sanic_security.authorization import assign_role, check_permissions
from sanic_security.configuration import config
from sanic_security.utils import json
from sanic_testing import TestManager
from tortoise.contrib.sanic import register_tortoise

config.SECRET = "probe-secret-long-enough-to-sign-session-tokens"
config.SESSION_SECURE = False  # the test client speaks plain HTTP

app = Sanic("probe_security", configure_logging=False)


@app.post("/register")
async def on_register(request):
    account = await register(request, verified=True)
    return json("registered", account.json)


@app.post("/login")
async def on_login(request):
    session = await login(request)
    response = json("signed in", session.json)
    session.encode(response)
    return response


@app.get("/private")
@requires_authentication
async def private(request):
    return text("hello " + request.ctx.session.bearer.username)


@app.post("/grant")
@requires_authentication
async def grant(request):
    await assign_role("editor", request.ctx.session.bearer, "Edits", "articles:write")
    return text("granted")


@app.post("/articles")
@requires_authentication
async def write_article(request):
    await check_permissions(request, "articles:write")
    return text("written")


register_tortoise(
    app, db_url="sqlite://security.sqlite3", modules={"models": ["sanic_security.models"]}, generate_schemas=True
)
initialize_security(app, create_root=False)
TestManager(app)  # tortoise's Sanic hook creates the tables when a test manager starts the app

form = {"email": "ann@example.com", "username": "ann", "password": "Correct!horse42"}
_, registered = app.test_client.post("/register", data=form)
print("register:", registered.status, registered.json["data"]["username"])
assert registered.status == 200

_, anonymous = app.test_client.get("/private")
print("anonymous:", anonymous.status)
assert anonymous.status == 401

basic = base64.b64encode(b"ann@example.com:Correct!horse42").decode()
_, signed_in = app.test_client.post("/login", headers={"Authorization": "Basic " + basic})
cookies = dict(signed_in.cookies)
print("login:", signed_in.status, "cookies:", sorted(cookies))
assert signed_in.status == 200 and cookies

_, private_page = app.test_client.get("/private", cookies=cookies)
print("private with the session cookie:", private_page.status, private_page.text)
assert private_page.text == "hello ann"

_, refused = app.test_client.post("/articles", cookies=cookies)
app.test_client.post("/grant", cookies=cookies)
_, allowed = app.test_client.post("/articles", cookies=cookies)
print("permission articles:write before and after the role:", refused.status, allowed.status)
assert (refused.status, allowed.status) == (403, 200)
