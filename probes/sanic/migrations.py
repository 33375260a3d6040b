"""Sanic: no migration system in core; Alembic detects model changes and alters the schema a handler then reads."""

FRAMEWORK = "sanic"
CRITERION = "migrations"
SHOWS = "claim"
REQUIRES = ["sanic-testing==24.6.0", "alembic==1.20.1", "SQLAlchemy==2.1.9"]

import importlib.util
import sqlite3

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sanic import Sanic
from sanic.response import json

assert importlib.util.find_spec("sanic.migrations") is None

metadata = sa.MetaData()
sa.Table("book", metadata, sa.Column("id", sa.Integer, primary_key=True), sa.Column("title", sa.String(50)))

with sa.create_engine("sqlite:///db.sqlite3").begin() as conn:
    ctx = MigrationContext.configure(conn)
    diff = [d[0] for d in compare_metadata(ctx, metadata)]
    print("autogenerate diff:", diff)
    assert diff == ["add_table"]
    op = Operations(ctx)
    op.create_table("book", sa.Column("id", sa.Integer, primary_key=True), sa.Column("title", sa.String(50)))
    op.bulk_insert(metadata.tables["book"], [{"id": 1, "title": "Dune"}])
    assert compare_metadata(ctx, metadata) == []

app = Sanic("probe_migrations", configure_logging=False)


@app.get("/")
async def books(request):
    with sqlite3.connect("db.sqlite3") as db:
        return json([row[0] for row in db.execute("SELECT title FROM book")])


_, r = app.test_client.get("/")
print("handler reads migrated table:", r.status, r.json)
assert r.json == ["Dune"]
