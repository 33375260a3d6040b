"""Litestar: TestClient, AsyncTestClient, create_test_client: in-process HTTP, WebSocket, lifespan, session data."""

FRAMEWORK = "litestar"
CRITERION = "testing-support"
SHOWS = "presence"
REQUIRES = ["httpx==0.27.2"]  # older releases' test clients pass app=, which httpx 0.28 removed

import asyncio

from litestar import Litestar, Request, WebSocket, get, websocket
from litestar.di import Provide
from litestar.middleware.session.server_side import ServerSideSessionConfig
from litestar.testing import AsyncTestClient, TestClient, create_test_client

events = []


@get("/whoami")
async def whoami(request: Request, db: str) -> dict:
    return {"db": db, "session": request.session}


@websocket("/ws")
async def ws(socket: WebSocket) -> None:
    await socket.accept()
    await socket.send_json({"echo": await socket.receive_json()})
    await socket.close()


@get("/ping")
async def ping() -> dict:
    return {"pong": True}


def real_db() -> str:
    raise RuntimeError("would connect")


app = Litestar(
    [whoami, ws, ping],
    dependencies={"db": Provide(real_db, sync_to_thread=False)},
    on_startup=[lambda: events.append("startup")],
    on_shutdown=[lambda: events.append("shutdown")],
    middleware=[ServerSideSessionConfig().middleware],
)
with TestClient(app) as client:
    assert events == ["startup"]
    with client.websocket_connect("/ws") as s:
        s.send_json({"a": 1})
        msg = s.receive_json()
print("websocket:", msg, "lifespan:", events)
assert msg == {"echo": {"a": 1}} and events == ["startup", "shutdown"]

session_config = ServerSideSessionConfig()
with create_test_client(
    [whoami],
    dependencies={"db": Provide(lambda: "fake-db", sync_to_thread=False)},
    middleware=[session_config.middleware],
    session_config=session_config,
) as client:
    client.set_session_data({"user": "ann"})
    r = client.get("/whoami")
    print("create_test_client with override + session:", r.json(), client.get_session_data())
    assert r.json() == {"db": "fake-db", "session": {"user": "ann"}}


async def run_async():
    async with AsyncTestClient(app) as ac:
        return (await ac.get("/ping")).json()


result = asyncio.run(run_async())
print("AsyncTestClient:", result)
assert result == {"pong": True}
