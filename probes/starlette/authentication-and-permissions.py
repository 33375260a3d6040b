"""Starlette: AuthenticationMiddleware fills request.user and scopes, @requires guards; no user storage or login."""

FRAMEWORK = "starlette"
CRITERION = "authentication-and-permissions"
SHOWS = "presence"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2"]

import importlib.util

import starlette.authentication as auth
from starlette.applications import Starlette
from starlette.authentication import AuthCredentials, AuthenticationBackend, SimpleUser, requires
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient


class TokenBackend(AuthenticationBackend):
    async def authenticate(self, conn):
        token = conn.headers.get("x-token")
        if token == "admin":
            return AuthCredentials(["authenticated", "admin"]), SimpleUser("root")
        if token == "user":
            return AuthCredentials(["authenticated"]), SimpleUser("ann")
        return None


@requires("authenticated")
async def profile(request):
    return JSONResponse({"user": request.user.display_name, "scopes": request.auth.scopes})


@requires("admin")
async def admin(request):
    return JSONResponse({"admin": True})


app = Starlette(
    routes=[Route("/me", profile), Route("/admin", admin)],
    middleware=[Middleware(AuthenticationMiddleware, backend=TokenBackend())],
)
client = TestClient(app)
anon, ann = client.get("/me"), client.get("/me", headers={"X-Token": "user"})
ann_admin, root_admin = (
    client.get("/admin", headers={"X-Token": "user"}),
    client.get("/admin", headers={"X-Token": "admin"}),
)
print(
    "anon:",
    anon.status_code,
    "ann:",
    ann.json(),
    "ann->admin:",
    ann_admin.status_code,
    "root->admin:",
    root_admin.json(),
)
assert anon.status_code == 403 and ann.json() == {"user": "ann", "scopes": ["authenticated"]}
assert ann_admin.status_code == 403 and root_admin.json() == {"admin": True}
# The limit: no user storage, password hashing or login views.
names = [n for n in dir(auth) if any(w in n.lower() for w in ("password", "login", "hash"))]
absent = [m for m in ("starlette.users", "starlette.contrib") if importlib.util.find_spec(m) is None]
print("password/login names in starlette.authentication:", names, "absent modules:", absent)
assert names == [] and len(absent) == 2
