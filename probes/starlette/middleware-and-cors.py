"""Starlette: ASGI and BaseHTTPMiddleware, per-Mount middleware, and a built-in CORSMiddleware answering preflights."""

FRAMEWORK = "starlette"
CRITERION = "middleware-and-cors"
SHOWS = "claim"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2"]

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import PlainTextResponse
from starlette.routing import Mount, Route
from starlette.testclient import TestClient


class PureAsgi:  # the documented, recommended style
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        async def send_wrapper(message):
            if message["type"] == "http.response.start":
                message["headers"] = [*message["headers"], (b"x-asgi", b"yes")]
            await send(message)

        await self.app(scope, receive, send_wrapper)


class Dispatch(BaseHTTPMiddleware):
    async def dispatch(self, request, call_next):
        if request.url.path == "/blocked":
            return PlainTextResponse("stopped by middleware", status_code=403)
        response = await call_next(request)
        response.headers["X-Dispatch"] = "yes"
        return response


async def hello(request):
    return PlainTextResponse("hi")


admin = Mount("/admin", routes=[Route("/", hello)], middleware=[Middleware(PureAsgi)])
cors = Middleware(CORSMiddleware, allow_origins=["https://app.example"], allow_methods=["GET", "POST"], max_age=600)
app = Starlette(routes=[Route("/api", hello, methods=["GET", "POST"]), admin], middleware=[cors, Middleware(Dispatch)])
client = TestClient(app)

r, a = client.post("/api"), client.get("/admin/")
print("middleware:", r.headers.get("x-dispatch"), r.headers.get("x-asgi"), "| under Mount:", a.headers.get("x-asgi"))
assert r.headers["x-dispatch"] == "yes" and "x-asgi" not in r.headers and a.headers["x-asgi"] == "yes"
assert client.get("/blocked").status_code == 403

pre = client.options("/api", headers={"Origin": "https://app.example", "Access-Control-Request-Method": "POST"})
got = {k: v for k, v in pre.headers.items() if k.startswith("access-control")}
print("preflight:", pre.status_code, got)
assert pre.status_code == 200 and got["access-control-allow-origin"] == "https://app.example"
assert "POST" in got["access-control-allow-methods"] and got["access-control-max-age"] == "600"
bad = client.options("/api", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
simple = client.get("/api", headers={"Origin": "https://app.example"})
print(
    "disallowed preflight:",
    bad.status_code,
    bad.text,
    "| simple request:",
    simple.headers["access-control-allow-origin"],
)
assert bad.status_code == 400 and simple.headers["access-control-allow-origin"] == "https://app.example"

default = Starlette(
    routes=[Route("/api", hello, methods=["POST"])], middleware=[Middleware(CORSMiddleware, allow_origins=["*"])]
)
dflt = TestClient(default).options(
    "/api", headers={"Origin": "https://x.example", "Access-Control-Request-Method": "POST"}
)
print("default allow_methods:", dflt.status_code, dflt.headers.get("access-control-allow-methods"), dflt.text)
assert dflt.status_code == 400 and dflt.headers["access-control-allow-methods"] == "GET"
