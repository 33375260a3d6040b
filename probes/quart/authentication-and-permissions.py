"""Quart: no login system in core; Quart-Auth logs a user in and guards a route with login_required."""

FRAMEWORK = "quart"
CRITERION = "authentication-and-permissions"
SHOWS = "claim"
REQUIRES = ["quart-auth==0.12.0"]

import asyncio

import quart
from quart import Quart
from quart_auth import AuthUser, QuartAuth, current_user, login_required, login_user

core = [n for n in ("login_required", "login_user", "current_user") if hasattr(quart, n)]
print("login helpers in quart itself:", core)
assert core == []

app = Quart(__name__)
app.secret_key = "probe-secret"
app.config["QUART_AUTH_COOKIE_SECURE"] = False  # the test client talks plain http
QuartAuth(app)


@app.post("/login")
async def login():
    login_user(AuthUser("42"))
    return "ok"


@app.get("/private")
@login_required
async def private():
    return f"user {current_user.auth_id}"


async def main():
    client = app.test_client()
    before = await client.get("/private")
    print("before login:", before.status_code)
    assert before.status_code == 401
    await client.post("/login")
    after = await client.get("/private")
    text = await after.get_data(as_text=True)
    print("after login:", after.status_code, text)
    assert after.status_code == 200 and text == "user 42"


asyncio.run(main())
