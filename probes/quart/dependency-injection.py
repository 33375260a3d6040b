"""Quart: core offers g and teardown hooks to look resources up by hand; quart-dishka injects request-scoped ones."""

FRAMEWORK = "quart"
CRITERION = "dependency-injection"
SHOWS = "claim"
REQUIRES = ["quart-dishka==1.0.1", "dishka==1.10.1"]

import asyncio
from collections.abc import AsyncIterator

from dishka import FromDishka, Provider, Scope, make_async_container, provide
from quart import Quart, Request, g
from quart_dishka import QuartDishka, QuartProvider, inject

events = []
app = Quart(__name__)


def get_db():  # core: the helper creates a resource on first use and keeps it on g
    if "db" not in g:
        g.db = "db-handle"
        events.append("g: open")
    return g.db


@app.teardown_request
async def close_db(exc):
    if g.pop("db", None):
        events.append("g: close")


@app.get("/core")
async def core():
    return get_db()


class Session:
    def __init__(self, path):
        self.path = path


class AppProvider(Provider):
    @provide(scope=Scope.REQUEST)
    async def session(self, request: Request) -> AsyncIterator[Session]:
        events.append("dishka: open")
        yield Session(request.path)
        events.append("dishka: close")


@app.get("/injected")
@inject
async def injected(session: FromDishka[Session]):
    return f"session for {session.path}"


QuartDishka(app=app, container=make_async_container(AppProvider(), QuartProvider()))


async def main():
    client = app.test_client()
    r1 = await client.get("/core")
    r2 = await client.get("/injected")
    print(await r1.get_data(as_text=True), "|", await r2.get_data(as_text=True), "|", events)
    assert await r1.get_data(as_text=True) == "db-handle"
    assert await r2.get_data(as_text=True) == "session for /injected"
    assert events == ["g: open", "g: close", "dishka: open", "dishka: close"]


asyncio.run(main())
