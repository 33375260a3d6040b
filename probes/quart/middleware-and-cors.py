"""Quart: before/after_request hooks and asgi_app wrapping ship; CORS does not, and Quart-CORS answers preflights."""

FRAMEWORK = "quart"
CRITERION = "middleware-and-cors"
SHOWS = "claim"
REQUIRES = ["quart-cors==0.8.0"]

import asyncio

from quart import Quart, request
from quart_cors import cors

PREFLIGHT = {"Origin": "https://app.example", "Access-Control-Request-Method": "POST"}


class AsgiHeader:  # ASGI middleware wrapped around app.asgi_app, as Quart's docs recommend
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        async def send_wrapper(message):
            if message["type"] == "http.response.start":
                message["headers"] = [*message["headers"], (b"x-asgi", b"yes")]
            await send(message)

        await self.app(scope, receive, send_wrapper)


def make_app(with_cors):
    app = Quart(__name__)

    @app.before_request
    async def stop_blocked():
        if request.path == "/blocked":
            return "stopped by before_request", 403

    @app.after_request
    async def tag(response):
        response.headers["X-Hooked"] = "yes"
        return response

    @app.post("/api")
    async def api():
        return "hi"

    app.asgi_app = AsgiHeader(app.asgi_app)
    return cors(app, allow_origin="https://app.example", allow_methods=["POST"], max_age=600) if with_cors else app


async def main():
    client = make_app(False).test_client()
    r = await client.post("/api")
    print("hooks:", r.status_code, r.headers.get("X-Hooked"), r.headers.get("X-Asgi"), await r.get_data(as_text=True))
    assert r.headers["X-Hooked"] == "yes" and r.headers["X-Asgi"] == "yes"
    assert (await client.get("/blocked")).status_code == 403
    bare = await client.options("/api", headers=PREFLIGHT)
    print("core preflight:", bare.status_code, bare.headers.get("Access-Control-Allow-Origin"))
    assert "Access-Control-Allow-Origin" not in bare.headers

    client = make_app(True).test_client()
    pre = await client.options("/api", headers=PREFLIGHT)
    got = {k.lower(): v for k, v in pre.headers.items() if k.lower().startswith("access-control")}
    print("quart-cors preflight:", pre.status_code, got)
    assert got["access-control-allow-origin"] == "https://app.example"
    assert "POST" in got["access-control-allow-methods"] and got["access-control-max-age"] == "600"
    r = await client.post("/api", headers={"Origin": "https://app.example"})
    print("actual request:", r.status_code, r.headers.get("Access-Control-Allow-Origin"))
    assert r.headers["Access-Control-Allow-Origin"] == "https://app.example"
    other = await client.post("/api", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


asyncio.run(main())
