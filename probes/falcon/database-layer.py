"""Falcon: no database layer in core; falcon-sqla's middleware hands each request a SQLAlchemy session."""

FRAMEWORK = "falcon"
CRITERION = "database-layer"
SHOWS = "claim"
REQUIRES = ["falcon-sqla==0.5.0", "SQLAlchemy==2.1.9"]

import importlib.metadata

import falcon
import falcon.testing
import falcon_sqla
from sqlalchemy import Integer, String, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.pool import StaticPool

deps = [r for r in importlib.metadata.requires("falcon") or [] if "extra ==" not in r]
print("falcon runtime requirements:", deps)
assert not any("sqlalchemy" in d.lower() for d in deps)


class Base(DeclarativeBase):
    pass


class Book(Base):
    __tablename__ = "books"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(100))


engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
Base.metadata.create_all(engine)
manager = falcon_sqla.Manager(engine)


class Books:
    def on_post(self, req, resp, title):
        session = req.context.session
        session.add(Book(title=title))
        session.flush()
        resp.media = {"count": session.scalar(select(func.count(Book.id)))}


app = falcon.App(middleware=[manager.middleware])
app.add_route("/books/{title}", Books())
client = falcon.testing.TestClient(app)
client.simulate_post("/books/Dune")
result = client.simulate_post("/books/Emma")
print("rows after two requests:", result.status, result.json)
assert result.json == {"count": 2}
