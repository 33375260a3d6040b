"""aiohttp: core only stores objects under AppKeys; Dishka's aiohttp integration injects request-scoped deps."""

FRAMEWORK = "aiohttp"
CRITERION = "dependency-injection"
SHOWS = "claim"
REQUIRES = ["dishka==1.10.1"]

import asyncio
import logging
from collections.abc import AsyncIterator

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from dishka import Provider, Scope, make_async_container, provide
from dishka.integrations.aiohttp import FromDishka, inject, setup_dishka

events = []
ENGINE = web.AppKey("engine", str)


class DbSession:
    count = 0

    def __init__(self):
        DbSession.count += 1
        self.id = DbSession.count


class AppProvider(Provider):
    @provide(scope=Scope.REQUEST)
    async def session(self) -> AsyncIterator[DbSession]:
        s = DbSession()
        yield s
        events.append(f"closed {s.id}")  # finalizer runs when the request scope ends


async def core_handler(request):  # aiohttp itself: the handler looks the object up
    return web.Response(text=request.app[ENGINE])


async def undeclared(request, db):  # without Dishka nothing fills `db`
    return web.Response(text="unreachable")


@inject
async def di_handler(request: web.Request, db: FromDishka[DbSession]) -> web.Response:
    return web.Response(text=f"session {db.id}")


async def main():
    app = web.Application()
    app[ENGINE] = "sqlite-engine"
    app.router.add_get("/core", core_handler)
    app.router.add_get("/di", di_handler)
    app.router.add_get("/plain", undeclared)
    setup_dishka(make_async_container(AppProvider()), app)
    async with TestClient(TestServer(app)) as client:
        print("core lookup:", await (await client.get("/core")).text())
        plain = await client.get("/plain")
        print("core handler declaring `db`:", plain.status)
        assert plain.status == 500
        bodies = [await (await client.get("/di")).text() for _ in range(2)]
        print("injected:", bodies, "| finalizers:", events)
        assert bodies == ["session 1", "session 2"]  # a fresh instance per request
        assert events == ["closed 1", "closed 2"]


logging.getLogger("aiohttp").setLevel(logging.CRITICAL)  # the expected TypeError stays quiet
asyncio.run(main())
