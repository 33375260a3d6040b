"""Sanic: no ORM in core; an async SQLAlchemy session is opened in request middleware on request.ctx."""

FRAMEWORK = "sanic"
CRITERION = "database-layer"
SHOWS = "claim"
REQUIRES = ["sanic-testing==24.6.0", "SQLAlchemy==2.1.9", "aiosqlite==0.22.1", "greenlet==3.5.6"]

import importlib.util

from sanic import Sanic
from sanic.response import json
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

core = [m for m in ("sanic.orm", "sanic.db", "sanic.database", "sanic.model") if importlib.util.find_spec(m)]
print("data-layer modules in sanic:", core)
assert core == []

app = Sanic("probe_db", configure_logging=False)


@app.before_server_start
async def connect(app):
    app.ctx.engine = create_async_engine("sqlite+aiosqlite:///:memory:")
    async with app.ctx.engine.begin() as conn:
        await conn.execute(text("CREATE TABLE pet (name TEXT)"))
        await conn.execute(text("INSERT INTO pet VALUES ('rex'), ('tom')"))


@app.on_request
async def open_session(request):
    request.ctx.session = AsyncSession(request.app.ctx.engine)


@app.on_response
async def close_session(request, response):
    await request.ctx.session.close()


@app.get("/pets")
async def pets(request):
    rows = (await request.ctx.session.execute(text("SELECT name FROM pet ORDER BY name"))).scalars().all()
    return json(rows)


_, r = app.test_client.get("/pets")
print(r.status, r.json)
assert r.json == ["rex", "tom"]
