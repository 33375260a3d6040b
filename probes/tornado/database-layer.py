"""Tornado: no database module in core; SQLAlchemy's asyncio engine is wired in by hand on the Application."""

FRAMEWORK = "tornado"
CRITERION = "database-layer"
SHOWS = "claim"
REQUIRES = ["SQLAlchemy==2.1.9", "aiosqlite==0.22.1", "greenlet==3.5.6"]

import asyncio
import importlib.util
import json

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from tornado.httpclient import AsyncHTTPClient
from tornado.httpserver import HTTPServer
from tornado.testing import bind_unused_port
from tornado.web import Application, RequestHandler

core = [m for m in ("tornado.database", "tornado.orm", "tornado.db") if importlib.util.find_spec(m)]
print("database modules in tornado:", core)
assert core == []


class Pets(RequestHandler):
    async def get(self):
        async with self.application.settings["engine"].connect() as conn:
            rows = (await conn.execute(text("SELECT name FROM pet ORDER BY name"))).scalars().all()
        self.write(json.dumps(rows))


async def main():
    engine = create_async_engine("sqlite+aiosqlite:///:memory:")
    async with engine.begin() as conn:
        await conn.execute(text("CREATE TABLE pet (name TEXT)"))
        await conn.execute(text("INSERT INTO pet VALUES ('rex'), ('tom')"))
    sock, port = bind_unused_port()
    server = HTTPServer(Application([(r"/pets", Pets)], engine=engine))
    server.add_sockets([sock])
    r = await AsyncHTTPClient().fetch(f"http://127.0.0.1:{port}/pets")
    print(r.code, r.body)
    assert json.loads(r.body) == ["rex", "tom"]
    server.stop()
    await engine.dispose()


asyncio.run(main())
