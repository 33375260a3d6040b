"""Litestar: the SQLAlchemy plugin (Advanced Alchemy) injects sessions and returns models through SQLAlchemyDTO."""

FRAMEWORK = "litestar"
CRITERION = "database-layer"
SHOWS = "claim"
REQUIRES = ["advanced-alchemy==1.12.0", "sqlalchemy==2.1.9"]

import importlib.metadata

from litestar import Litestar, get, post
from litestar.dto import DTOConfig
from litestar.plugins.sqlalchemy import SQLAlchemyDTO, SQLAlchemyPlugin, SQLAlchemySyncConfig
from litestar.testing import TestClient
from sqlalchemy import String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

core = [r for r in importlib.metadata.requires("litestar") or [] if "extra ==" not in r]
print("litestar core requirements mentioning sqlalchemy:", [r for r in core if "alchemy" in r.lower()])
assert not any("alchemy" in r.lower() for r in core), "the SQLAlchemy layer is an optional extra"


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    email: Mapped[str] = mapped_column(String(80))


class AuthorOut(SQLAlchemyDTO[Author]):
    config = DTOConfig(exclude={"email"})


@post("/authors", return_dto=AuthorOut, sync_to_thread=False)
def create_author(data: dict, db_session: Session) -> Author:
    author = Author(name=data["name"], email=data["email"])
    db_session.add(author)
    db_session.commit()
    db_session.refresh(author)
    return author


@get("/authors", return_dto=AuthorOut, sync_to_thread=False)
def list_authors(db_session: Session) -> list[Author]:
    return list(db_session.scalars(select(Author)))


config = SQLAlchemySyncConfig(connection_string="sqlite:///probe.sqlite", metadata=Base.metadata, create_all=True)
app = Litestar(route_handlers=[create_author, list_authors], plugins=[SQLAlchemyPlugin(config=config)])
with TestClient(app) as client:
    created = client.post("/authors", json={"name": "Ann", "email": "a@example.com"})
    listed = client.get("/authors")
print("create:", created.status_code, created.json(), "list:", listed.json())
assert created.status_code == 201 and created.json() == {"id": 1, "name": "Ann"}
assert listed.json() == [{"id": 1, "name": "Ann"}]
