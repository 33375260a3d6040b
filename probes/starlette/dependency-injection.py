"""Starlette: endpoints get only the request and read lifespan state; Wireup injects request-scoped services."""

FRAMEWORK = "starlette"
CRITERION = "dependency-injection"
SHOWS = "claim"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2", "wireup==2.13.0"]

import contextlib
import inspect
from collections.abc import AsyncIterator

import wireup
import wireup.integration.starlette
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

events = []


@contextlib.asynccontextmanager
async def lifespan(app):
    yield {"db": "shared-db"}  # copied into every request's state


async def core(request):
    return PlainTextResponse(f"{request.state.db} / {request.state['db']}")


async def wants_more(request, db: str):  # Starlette resolves nothing: it calls endpoint(request)
    return PlainTextResponse(db)


@wireup.injectable(lifetime="scoped")
async def make_session(request: Request) -> AsyncIterator[str]:
    events.append("open")
    yield f"session for {request.url.path}"
    events.append("close")


@wireup.integration.starlette.inject
async def injected(request, session: wireup.Injected[str]):
    return PlainTextResponse(session)


app = Starlette(
    routes=[Route("/core", core), Route("/injected", injected), Route("/more", wants_more)], lifespan=lifespan
)
container = wireup.create_async_container(injectables=[make_session, wireup.integration.starlette])
wireup.integration.starlette.setup(container, app)
print("signature Starlette sees for the injected endpoint:", inspect.signature(injected))

with TestClient(app, raise_server_exceptions=False) as client:
    more = client.get("/more")
    print("endpoint with an extra parameter:", more.status_code)
    assert more.status_code == 500
    bodies = [client.get("/core").text, client.get("/injected").text]
    with container.override({str: "fake session"}):
        bodies.append(client.get("/injected").text)
print(bodies, "| scope events:", events)
assert bodies == ["shared-db / shared-db", "session for /injected", "fake session"]
assert events == ["open", "close"]
