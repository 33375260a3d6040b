"""Quart: no migrations in core; Quart-DB applies numbered migration files when the app starts serving."""

FRAMEWORK = "quart"
CRITERION = "migrations"
SHOWS = "claim"
REQUIRES = ["quart-db==0.12.0", "aiosqlite==0.22.1"]

import asyncio
import os
import pkgutil
import sqlite3
import tempfile

import quart
from quart import Quart
from quart_db import QuartDB

core = [m.name for m in pkgutil.walk_packages(quart.__path__, "quart.") if "migrat" in m.name]
print("migration modules in quart:", core)
assert core == []

root = tempfile.mkdtemp()
os.mkdir(os.path.join(root, "migrations"))
steps = {
    "0.py": "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)",
    "1.py": "ALTER TABLE notes ADD COLUMN pinned INTEGER DEFAULT 0",
}
for name, sql in steps.items():
    with open(os.path.join(root, "migrations", name), "w") as fh:
        fh.write(f"async def migrate(connection):\n    await connection.execute({sql!r})\n\n")
        fh.write("async def valid_migration(connection):\n    return True\n")

db_path = os.path.join(root, "probe.sqlite")
app = Quart(__name__, root_path=root)
QuartDB(app, url=f"sqlite:///{db_path}")


async def main():
    async with app.test_app():
        pass


asyncio.run(main())
conn = sqlite3.connect(db_path)
columns = [row[1] for row in conn.execute("PRAGMA table_info(notes)")]
tables = sorted(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'"))
print("tables:", tables, "| notes columns:", columns)
assert columns == ["id", "text", "pinned"]
assert "schema_migration" in tables
print("recorded state:", conn.execute("SELECT * FROM schema_migration").fetchall())
