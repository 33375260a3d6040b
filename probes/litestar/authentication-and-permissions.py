"""Litestar: SessionAuth fills request.user from a session, guards authorize; no user model or registration shipped."""

FRAMEWORK = "litestar"
CRITERION = "authentication-and-permissions"
SHOWS = "claim"
REQUIRES = ["httpx==0.27.2"]  # older releases' test clients pass app=, which httpx 0.28 removed

import importlib.util
from dataclasses import dataclass

import litestar.security
from litestar import Litestar, Request, get, post
from litestar.connection import ASGIConnection
from litestar.exceptions import PermissionDeniedException
from litestar.handlers import BaseRouteHandler
from litestar.middleware.session.server_side import ServerSideSessionConfig
from litestar.security.session_auth import SessionAuth
from litestar.testing import TestClient


@dataclass
class User:
    name: str
    roles: list


USERS = {"ann": User("ann", ["staff"]), "bob": User("bob", [])}


async def load_user(session: dict, connection: ASGIConnection) -> User | None:
    return USERS.get(session.get("name"))


def staff_only(connection: ASGIConnection, handler: BaseRouteHandler) -> None:
    if handler.opt["role"] not in connection.user.roles:
        raise PermissionDeniedException("staff only")


@post("/login")
async def login(request: Request, data: dict) -> dict:
    request.set_session({"name": data["name"]})
    return {"logged_in": data["name"]}


@get("/me")
async def me(request: Request) -> dict:
    return {"user": request.user.name}


@get("/staff", guards=[staff_only], opt={"role": "staff"})
async def staff() -> dict:
    return {"staff": True}


auth = SessionAuth[User, ServerSideSessionConfig](
    retrieve_user_handler=load_user, session_backend_config=ServerSideSessionConfig(), exclude=["/login", "/schema"]
)
app = Litestar(route_handlers=[login, me, staff], on_app_init=[auth.on_app_init])
results = {}
with TestClient(app) as anon:
    results["anon /me"] = anon.get("/me").status_code
for name in ("ann", "bob"):
    with TestClient(app) as c:
        c.post("/login", json={"name": name})
        results[f"{name} /me"] = c.get("/me").json()
        results[f"{name} /staff"] = c.get("/staff").status_code
print(results)
assert results["anon /me"] == 401 and results["ann /me"] == {"user": "ann"} and results["bob /me"] == {"user": "bob"}
assert results["ann /staff"] == 200 and results["bob /staff"] == 403
backends = [n for n in ("session_auth", "jwt") if importlib.util.find_spec(f"litestar.security.{n}")]
user_models = [n for n in dir(litestar.security) if n.lower() in ("user", "basicuser", "usermodel")]
print("security backends:", backends, "user models:", user_models)
assert backends == ["session_auth", "jwt"] and user_models == []
assert importlib.util.find_spec("litestar.contrib.users") is None
