"""Litestar: decorators on functions and Controllers, nested Routers, typed path params, route_reverse/url_for."""

FRAMEWORK = "litestar"
CRITERION = "routing"
SHOWS = "presence"
REQUIRES = ["httpx==0.27.2"]  # older releases' test clients pass app=, which httpx 0.28 removed

import uuid

from litestar import Controller, Litestar, Request, Router, asgi, get, post
from litestar.testing import TestClient
from litestar.types import Receive, Scope, Send


class UserController(Controller):
    path = "/users"

    @get("/{user_id:int}", name="user-detail")
    async def detail(self, user_id: int, request: Request) -> dict:
        return {"id": user_id, "self": str(request.url_for("user-detail", user_id=user_id))}

    @post("/")
    async def create(self) -> dict:
        return {"created": True}


@get("/files/{rest:path}")
async def files(rest: str) -> dict:
    return {"rest": rest}


@get("/tokens/{tok:uuid}")
async def tokens(tok: uuid.UUID) -> dict:
    return {"version": tok.version}


@asgi("/legacy", is_mount=True)
async def legacy(scope: Scope, receive: Receive, send: Send) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": scope["path"].encode()})


app = Litestar([Router("/api", route_handlers=[Router("/v1", route_handlers=[UserController])]), files, tokens, legacy])
with TestClient(app) as c:
    out = {
        "detail": c.get("/api/v1/users/5").json(),
        "not_int": c.get("/api/v1/users/abc").status_code,
        "create": c.post("/api/v1/users").json(),
        "wrong_method": c.delete("/api/v1/users/5").status_code,
        "path": c.get("/files/a/b.txt").json(),
        "uuid": c.get(f"/tokens/{uuid.uuid4()}").json(),
        "mount": c.get("/legacy/x/y").text,
        "reverse": app.route_reverse("user-detail", user_id=9),
    }
print(out)
assert out["detail"] == {"id": 5, "self": "http://testserver.local/api/v1/users/5"}
assert out["not_int"] in (400, 404) and out["create"] == {"created": True} and out["wrong_method"] == 405
assert out["path"]["rest"].endswith("a/b.txt") and out["uuid"] == {"version": 4}
assert out["mount"].rstrip("/").endswith("/x/y") and out["reverse"] == "/api/v1/users/9"
