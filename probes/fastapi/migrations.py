"""FastAPI: no migration tool in the package; Alembic autogenerates and applies schema changes for the app's models."""

FRAMEWORK = "fastapi"
CRITERION = "migrations"
SHOWS = "claim"
REQUIRES = ["alembic==1.20.1", "sqlalchemy==2.1.9", "httpx==0.28.1", "httpx2==2.16.2"]

import importlib.util

import sqlalchemy as sa
from alembic.autogenerate import produce_migrations, render_python_code
from alembic.migration import MigrationContext
from alembic.operations import Operations
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.pool import StaticPool

absent = [m for m in ("fastapi.migrations", "fastapi.db") if importlib.util.find_spec(m) is None]
print("absent from fastapi:", absent)
assert len(absent) == 2

metadata = sa.MetaData()
note = sa.Table("note", metadata, sa.Column("id", sa.Integer, primary_key=True), sa.Column("text", sa.String(80)))
engine = sa.create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})

with engine.begin() as conn:
    ctx = MigrationContext.configure(conn)
    script = produce_migrations(ctx, metadata)
    print(render_python_code(script.upgrade_ops))
    ops = Operations(ctx)
    for op in script.upgrade_ops.ops:
        ops.invoke(op)
    conn.execute(note.insert().values(text="migrated"))

app = FastAPI()


@app.get("/notes")
def notes():
    with engine.connect() as conn:
        return [row.text for row in conn.execute(sa.select(note))]


r = TestClient(app).get("/notes")
print("after migration:", r.status_code, r.json())
assert r.json() == ["migrated"]
