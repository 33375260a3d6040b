"""Tornado: no migration system in core; Alembic detects model changes and alters the schema a handler then reads."""

FRAMEWORK = "tornado"
CRITERION = "migrations"
SHOWS = "claim"
REQUIRES = ["alembic==1.20.1", "SQLAlchemy==2.1.9"]

import asyncio
import importlib.util
import json
import sqlite3

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.operations import Operations
from tornado.httpclient import AsyncHTTPClient
from tornado.httpserver import HTTPServer
from tornado.testing import bind_unused_port
from tornado.web import Application, RequestHandler

assert importlib.util.find_spec("tornado.migrations") is None

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


class Books(RequestHandler):
    def get(self):
        with sqlite3.connect("db.sqlite3") as db:
            self.write(json.dumps([row[0] for row in db.execute("SELECT title FROM book")]))


async def main():
    sock, port = bind_unused_port()
    server = HTTPServer(Application([(r"/", Books)]))
    server.add_sockets([sock])
    r = await AsyncHTTPClient().fetch(f"http://127.0.0.1:{port}/")
    print("handler reads migrated table:", r.code, r.body)
    assert json.loads(r.body) == ["Dune"]
    server.stop()


asyncio.run(main())
