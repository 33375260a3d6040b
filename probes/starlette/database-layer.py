"""Starlette: no database layer; a SQLAlchemy engine is created in the lifespan handler and used from endpoints."""

FRAMEWORK = "starlette"
CRITERION = "database-layer"
SHOWS = "claim"
REQUIRES = ["sqlalchemy==2.1.9", "httpx==0.28.1", "httpx2==2.16.2"]

import importlib.metadata
import importlib.util
from contextlib import asynccontextmanager

import sqlalchemy as sa
from sqlalchemy.pool import StaticPool
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient

core = [r for r in importlib.metadata.requires("starlette") or [] if "extra ==" not in r]
absent = [m for m in ("starlette.database", "starlette.db", "starlette.orm") if importlib.util.find_spec(m) is None]
print("starlette core requirements:", core, "absent modules:", absent)
assert len(absent) == 3 and not any(r.lower().startswith(("sqlalchemy", "databases")) for r in core)

metadata = sa.MetaData()
todo = sa.Table("todo", metadata, sa.Column("id", sa.Integer, primary_key=True), sa.Column("title", sa.String(50)))


@asynccontextmanager
async def lifespan(app):
    engine = sa.create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
    metadata.create_all(engine)
    app.state.engine = engine
    yield
    engine.dispose()


def add(request):
    with request.app.state.engine.begin() as conn:
        conn.execute(todo.insert().values(title=request.path_params["title"]))
    return JSONResponse({"added": request.path_params["title"]})


def listing(request):
    with request.app.state.engine.connect() as conn:
        return JSONResponse([r.title for r in conn.execute(sa.select(todo))])


app = Starlette(routes=[Route("/add/{title}", add, methods=["POST"]), Route("/", listing)], lifespan=lifespan)
with TestClient(app) as client:
    client.post("/add/write-probe")
    r = client.get("/")
print("rows:", r.json())
assert r.json() == ["write-probe"]
