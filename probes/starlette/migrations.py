"""Starlette: no migration tooling; Alembic autogenerates and applies the schema the app then uses."""

FRAMEWORK = "starlette"
CRITERION = "migrations"
SHOWS = "claim"
REQUIRES = ["alembic==1.20.1", "sqlalchemy==2.1.9", "httpx==0.28.1", "httpx2==2.16.2"]

import importlib.util

import sqlalchemy as sa
from alembic.autogenerate import produce_migrations, render_python_code
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy.pool import StaticPool
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient

absent = [m for m in ("starlette.migrations", "starlette.management") if importlib.util.find_spec(m) is None]
print("absent from starlette:", absent)
assert len(absent) == 2

metadata = sa.MetaData()
post = sa.Table("post", metadata, sa.Column("id", sa.Integer, primary_key=True), sa.Column("body", sa.Text))
engine = sa.create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
with engine.begin() as conn:
    ctx = MigrationContext.configure(conn)
    script = produce_migrations(ctx, metadata)
    print(render_python_code(script.upgrade_ops))
    for op in script.upgrade_ops.ops:
        Operations(ctx).invoke(op)
    conn.execute(post.insert().values(body="hello"))


def posts(request):
    with engine.connect() as conn:
        return JSONResponse([r.body for r in conn.execute(sa.select(post))])


r = TestClient(Starlette(routes=[Route("/", posts)])).get("/")
print("after migration:", r.json())
assert r.json() == ["hello"]
