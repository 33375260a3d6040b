"""aiohttp: no admin in core; the 0.1 alpha aio-libs aiohttp-admin serves a react-admin back office for SQLAlchemy."""

FRAMEWORK = "aiohttp"
CRITERION = "admin-site"
SHOWS = "claim"
REQUIRES = ["aiohttp-admin==0.1.0a3", "SQLAlchemy==2.1.9", "aiosqlite==0.22.1", "greenlet==3.5.6"]

import asyncio
import importlib.metadata
import importlib.util
import json

import aiohttp_admin
import sqlalchemy as sa
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from aiohttp_admin.backends.sqlalchemy import SAResource
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

assert importlib.util.find_spec("aiohttp.admin") is None  # nothing in core


class Base(DeclarativeBase):
    pass


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(50))


async def check_credentials(username, password):
    return (username, password) == ("admin", "pw")


async def main():
    engine = create_async_engine("sqlite+aiosqlite:///:memory:")
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
        await conn.execute(sa.insert(Book), [{"id": 1, "title": "Dune"}])
    app = web.Application()
    schema = {
        "security": {"check_credentials": check_credentials, "secure": False},
        "resources": ({"model": SAResource(engine, Book)},),
    }
    aiohttp_admin.setup(app, schema)
    params = {"pagination": '{"page": 1, "perPage": 10}', "sort": '{"field": "id", "order": "ASC"}', "filter": "{}"}
    async with TestClient(TestServer(app)) as client:
        page = await client.get("/admin")
        html = await page.text()
        anon = await client.get("/admin/book/list", params=params)
        wrong = await client.post("/admin/token", json={"username": "admin", "password": "no"})
        login = await client.post("/admin/token", json={"username": "admin", "password": "pw"})
        token = login.headers["X-Token"]
        rows = await client.get("/admin/book/list", params=params, headers={"Authorization": token})
        data = await rows.json()
        print("GET /admin:", page.status, "| react-admin state lists resources:", "book" in html)
        print("list without login:", anon.status, "| wrong password:", wrong.status, "| login:", login.status)
        print("list after login:", rows.status, json.dumps(data))
        assert page.status == 200 and '"book"' in html.replace("&quot;", '"')
        assert anon.status == 401 and wrong.status == 401 and login.status == 200
        assert data["total"] == 1 and data["data"][0]["title"] == "Dune"
    await engine.dispose()


asyncio.run(main())
version = importlib.metadata.version("aiohttp-admin")
print("aiohttp-admin version:", version)
assert version.startswith("0.")  # the stated limit: still a pre-1.0 release
