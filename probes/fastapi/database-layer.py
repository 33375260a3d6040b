"""FastAPI: no ORM in core; SQLModel sessions come from a yield dependency, as in the SQL tutorial."""

FRAMEWORK = "fastapi"
CRITERION = "database-layer"
SHOWS = "claim"
REQUIRES = ["sqlmodel==0.0.50", "httpx==0.28.1", "httpx2==2.16.2"]

import importlib.metadata
import importlib.util
from typing import Annotated

from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.pool import StaticPool
from sqlmodel import Field, Session, SQLModel, create_engine, select

core = [r for r in importlib.metadata.requires("fastapi") or [] if "extra ==" not in r]
print("fastapi core requirements:", core)
assert not any(r.lower().startswith(("sqlalchemy", "sqlmodel")) for r in core)
assert importlib.util.find_spec("fastapi.db") is None and importlib.util.find_spec("fastapi.orm") is None


class Hero(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str


engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
SQLModel.metadata.create_all(engine)
app = FastAPI()


def get_session():
    with Session(engine) as session:
        yield session


@app.post("/heroes")
def create(hero: Hero, session: Annotated[Session, Depends(get_session)]) -> Hero:
    session.add(hero)
    session.commit()
    session.refresh(hero)
    return hero


@app.get("/heroes")
def list_heroes(session: Annotated[Session, Depends(get_session)]) -> list[Hero]:
    return list(session.exec(select(Hero)).all())


client = TestClient(app)
created = client.post("/heroes", json={"name": "Probe"})
listed = client.get("/heroes")
print("create:", created.status_code, created.json(), "list:", listed.json())
assert created.status_code == 200 and created.json()["id"] == 1
assert listed.json() == [{"id": 1, "name": "Probe"}]
