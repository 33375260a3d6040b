"""Sanic: request.token feeds your own auth decorator; core has no sessions, users or permissions."""

FRAMEWORK = "sanic"
CRITERION = "authentication-and-permissions"
SHOWS = "claim"
REQUIRES = ["sanic-testing==24.6.0"]

import pkgutil
from functools import wraps

import sanic
from sanic import Sanic
from sanic.response import text

app = Sanic("probe_auth", configure_logging=False)


def protected(handler):
    @wraps(handler)
    async def wrapper(request, *args, **kwargs):
        if request.token != "good-token":
            return text("unauthorized", status=401)
        return await handler(request, *args, **kwargs)

    return wrapper


@app.get("/private")
@protected
async def private(request):
    return text("secret")


_, anon = app.test_client.get("/private")
_, bad = app.test_client.get("/private", headers={"Authorization": "Bearer nope"})
_, good = app.test_client.get("/private", headers={"Authorization": "Bearer good-token"})
print("no token:", anon.status, "| wrong token:", bad.status, "| right token:", good.status, good.text)
assert (anon.status, bad.status, good.status) == (401, 401, 200)

names = sorted(m.name for m in pkgutil.walk_packages(sanic.__path__, "sanic."))
auth_like = [
    n for n in names if {"auth", "session", "sessions", "login", "users", "permissions"} & set(n.split(".")[1:])
]
print("auth/session modules in sanic:", auth_like)
assert auth_like == []
assert not hasattr(app.ctx, "session") and not hasattr(Sanic, "login_manager")
