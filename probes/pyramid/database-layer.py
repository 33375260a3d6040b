"""Pyramid + SQLAlchemy + pyramid_tm + zope.sqlalchemy: a request commits on success, aborts on error."""

FRAMEWORK = "pyramid"
CRITERION = "database-layer"
SHOWS = "claim"
REQUIRES = ["SQLAlchemy==2.1.9", "pyramid_tm==2.6", "zope.sqlalchemy==4.1"]

import os
import tempfile

import sqlalchemy as sa
import zope.sqlalchemy
from pyramid.config import Configurator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker
from webob import Request


class Base(DeclarativeBase):
    pass


class Note(Base):
    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str]


engine = sa.create_engine(f"sqlite:///{os.path.join(tempfile.mkdtemp(), 'app.db')}")
Base.metadata.create_all(engine)
factory = sessionmaker(bind=engine)


def dbsession(request):
    session = factory()
    zope.sqlalchemy.register(session, transaction_manager=request.tm)
    return session


def add(request):
    request.dbsession.add(Note(text=request.matchdict["text"]))
    if request.params.get("fail"):
        raise RuntimeError("view failed after adding a row")
    return "added"


def listing(request):
    return [n.text for n in request.dbsession.query(Note).order_by(Note.id)]


with Configurator(settings={"tm.manager_hook": "pyramid_tm.explicit_manager"}) as config:
    config.include("pyramid_tm")
    config.add_request_method(dbsession, reify=True)
    config.add_route("add", "/add/{text}")
    config.add_route("list", "/list")
    config.add_view(add, route_name="add", renderer="string")
    config.add_view(listing, route_name="list", renderer="json")
    app = config.make_wsgi_app()

print("add kept:", Request.blank("/add/kept").get_response(app).text)
try:
    Request.blank("/add/lost?fail=1").get_response(app)
except RuntimeError as exc:
    print("second view raised:", exc)
rows = Request.blank("/list").get_response(app).json
print("rows after both requests:", rows)
assert rows == ["kept"]
