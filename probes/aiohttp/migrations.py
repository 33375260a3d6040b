"""aiohttp: no migration system in core; Alembic detects model changes and alters the schema the app then uses."""

FRAMEWORK = "aiohttp"
CRITERION = "migrations"
SHOWS = "claim"
REQUIRES = ["alembic==1.20.1", "SQLAlchemy==2.1.9"]

import asyncio
import importlib.util
import sqlite3

import sqlalchemy as sa
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.operations import Operations

assert importlib.util.find_spec("aiohttp.migrations") is None

metadata = sa.MetaData()
sa.Table("book", metadata, sa.Column("id", sa.Integer, primary_key=True), sa.Column("title", sa.String(50)))

engine = sa.create_engine("sqlite:///db.sqlite3")
with engine.begin() as conn:
    ctx = MigrationContext.configure(conn)
    diff = compare_metadata(ctx, metadata)
    print("autogenerate diff:", [d[0] for d in diff])
    assert [d[0] for d in diff] == ["add_table"]
    op = Operations(ctx)
    op.create_table("book", sa.Column("id", sa.Integer, primary_key=True), sa.Column("title", sa.String(50)))
    op.bulk_insert(metadata.tables["book"], [{"id": 1, "title": "Dune"}])
    assert compare_metadata(ctx, metadata) == []


async def books(request):
    with sqlite3.connect("db.sqlite3") as db:
        return web.json_response([row[0] for row in db.execute("SELECT title FROM book")])


async def main():
    app = web.Application()
    app.router.add_get("/", books)
    async with TestClient(TestServer(app)) as client:
        r = await client.get("/")
        data = await r.json()
        print("app reads migrated table:", r.status, data)
        assert data == ["Dune"]


asyncio.run(main())
