"""Starlette: TestClient drives the app in-process for HTTP and WebSockets, runs lifespan, and re-raises app errors."""

FRAMEWORK = "starlette"
CRITERION = "testing-support"
SHOWS = "presence"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2"]

from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route, WebSocketRoute
from starlette.testclient import TestClient

events = []


@asynccontextmanager
async def lifespan(app):
    events.append("startup")
    yield
    events.append("shutdown")


async def hello(request):
    return PlainTextResponse("hello " + request.query_params.get("n", "?"))


async def broken(request):
    raise ValueError("bug in the app")


async def ws(websocket):
    await websocket.accept()
    await websocket.send_json({"got": await websocket.receive_json()})
    await websocket.close()


app = Starlette(routes=[Route("/", hello), Route("/broken", broken), WebSocketRoute("/ws", ws)], lifespan=lifespan)
with TestClient(app) as client:
    assert events == ["startup"]
    r = client.get("/", params={"n": "probe"})
    with client.websocket_connect("/ws") as s:
        s.send_json({"a": 1})
        msg = s.receive_json()
    try:
        client.get("/broken")
        raised = None
    except ValueError as exc:
        raised = str(exc)
print("http:", r.text, "ws:", msg, "raised:", raised, "lifespan:", events)
assert r.text == "hello probe" and msg == {"got": {"a": 1}} and raised == "bug in the app"
assert events == ["startup", "shutdown"]
