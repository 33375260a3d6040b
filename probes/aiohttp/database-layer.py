"""aiohttp: no data layer in core; SQLAlchemy's asyncio engine plugs in through cleanup_ctx and an AppKey."""

FRAMEWORK = "aiohttp"
CRITERION = "database-layer"
SHOWS = "claim"
REQUIRES = ["SQLAlchemy==2.1.9", "aiosqlite==0.22.1", "greenlet==3.5.6"]

import asyncio
import importlib.util

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

ENGINE = web.AppKey("engine", AsyncEngine)


async def database(app):
    engine = create_async_engine("sqlite+aiosqlite:///:memory:")
    async with engine.begin() as conn:
        await conn.execute(text("CREATE TABLE pet (name TEXT)"))
        await conn.execute(text("INSERT INTO pet VALUES ('rex'), ('tom')"))
    app[ENGINE] = engine
    yield
    await engine.dispose()


async def pets(request):
    async with request.app[ENGINE].connect() as conn:
        rows = (await conn.execute(text("SELECT name FROM pet ORDER BY name"))).scalars().all()
    return web.json_response(rows)


async def main():
    app = web.Application()
    app.cleanup_ctx.append(database)
    app.router.add_get("/pets", pets)
    async with TestClient(TestServer(app)) as client:
        r = await client.get("/pets")
        data = await r.json()
        print(r.status, data)
        assert data == ["rex", "tom"]


missing = [m for m in ("aiohttp.db", "aiohttp.orm", "aiohttp.database") if importlib.util.find_spec(m)]
print("aiohttp", aiohttp.__version__, "data-layer modules in core:", missing)
assert not missing
asyncio.run(main())
