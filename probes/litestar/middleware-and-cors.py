"""Litestar: ASGIMiddleware and hooks at app, router or handler level; CORSConfig answers preflights built in."""

FRAMEWORK = "litestar"
CRITERION = "middleware-and-cors"
SHOWS = "claim"
REQUIRES = ["httpx==0.27.2"]  # older releases' test clients pass app=, which httpx 0.28 removed

from litestar import Litestar, Request, Router, get
from litestar.config.cors import CORSConfig
from litestar.datastructures import MutableScopeHeaders
from litestar.middleware import ASGIMiddleware
from litestar.testing import TestClient


class Stamp(ASGIMiddleware):
    exclude_path_pattern = "/api/health"  # declarative exclusion

    def __init__(self, label):
        self.label = label

    async def handle(self, scope, receive, send, next_app):
        async def send_wrapper(message):
            if message["type"] == "http.response.start":
                MutableScopeHeaders.from_message(message).add("x-layer", self.label)
            await send(message)

        await next_app(scope, receive, send_wrapper)


def before(request: Request):
    if request.headers.get("x-block"):
        return {"blocked": True}  # a before_request hook may answer instead of the handler
    return None


@get("/items", sync_to_thread=False)
def items() -> list:
    return ["a"]


@get("/health", sync_to_thread=False)
def health() -> str:
    return "ok"


@get("/plain", sync_to_thread=False, middleware=[Stamp("handler")])
def plain() -> str:
    return "plain"


api = Router("/api", route_handlers=[items, health], middleware=[Stamp("router")], before_request=before)
cors = CORSConfig(allow_origins=["https://app.example"], allow_methods=["GET", "PUT"], max_age=600)
app = Litestar([api, plain], cors_config=cors)

with TestClient(app) as client:
    r = client.get("/api/items", headers={"Origin": "https://app.example"})
    layers = {p: client.get(p).headers.get_list("x-layer") for p in ("/api/items", "/api/health", "/plain")}
    blocked = client.get("/api/items", headers={"x-block": "1"}).json()
    pre = {"Origin": "https://app.example", "Access-Control-Request-Method": "PUT"}
    p = client.options("/api/items", headers=pre)
    bad = client.options("/api/items", headers={**pre, "Origin": "https://evil.example"})
print("middleware per layer:", layers, "| before_request:", blocked)
assert layers == {"/api/items": ["router"], "/api/health": [], "/plain": ["handler"]}
assert blocked == {"blocked": True}
print("simple request ACAO:", r.headers.get("access-control-allow-origin"))
assert r.headers["access-control-allow-origin"] == "https://app.example"
print(
    "preflight:",
    p.status_code,
    p.headers.get("access-control-allow-methods"),
    p.headers.get("access-control-max-age"),
    "| other origin:",
    bad.status_code,
)
assert p.status_code in (200, 204) and "PUT" in p.headers["access-control-allow-methods"]
assert p.headers["access-control-max-age"] == "600" and bad.status_code == 400
