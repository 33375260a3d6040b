"""Quart: no ORM or database layer in core; Quart-DB gives each request a connection (SQLite via aiosqlite)."""

FRAMEWORK = "quart"
CRITERION = "database-layer"
SHOWS = "claim"
REQUIRES = ["quart-db==0.12.0", "aiosqlite==0.22.1"]

import asyncio
import importlib.metadata
import tempfile

from quart import Quart, g
from quart_db import QuartDB

deps = [r.split(";")[0].strip() for r in importlib.metadata.requires("quart") or []]
print("quart requirements:", deps)
assert not any(name in d.lower() for d in deps for name in ("sqlalchemy", "aiosqlite", "asyncpg", "tortoise"))

app = Quart(__name__, root_path=tempfile.mkdtemp())
db = QuartDB(app, url="sqlite:///probe.sqlite", migrations_folder=None)


@app.post("/notes/<text>")
async def add(text):
    await g.connection.execute("INSERT INTO notes (text) VALUES (:text)", {"text": text})
    return {"count": await g.connection.fetch_val("SELECT COUNT(*) FROM notes")}


async def main():
    async with app.test_app() as test_app:
        async with db.connection() as conn:
            await conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        client = test_app.test_client()
        await client.post("/notes/one")
        data = await (await client.post("/notes/two")).get_json()
        print("rows after two inserts:", data)
        assert data == {"count": 2}


asyncio.run(main())
