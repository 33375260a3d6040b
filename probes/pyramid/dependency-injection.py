"""Pyramid + dishka-pyramid: Pyramid has reified request methods; dishka-pyramid injects FromDishka[T]."""

FRAMEWORK = "pyramid"
CRITERION = "dependency-injection"
SHOWS = "claim"
REQUIRES = ["dishka-pyramid==1.0.2", "dishka==1.10.1"]

import inspect
from collections.abc import Iterable

from dishka import Provider, Scope, make_container, provide
from dishka_pyramid import FromDishka, PyramidProvider, inject, setup_dishka
from pyramid.config import Configurator
from pyramid.request import Request
from webob import Request as Blank

events = []


class Session:
    def __init__(self, path):
        self.path = path


class Services(Provider):
    @provide(scope=Scope.APP)
    def dsn(self) -> str:
        return "sqlite://"

    @provide(scope=Scope.REQUEST)
    def session(self, dsn: str, request: Request) -> Iterable[Session]:
        events.append("open " + request.path)
        yield Session(request.path)
        events.append("close " + request.path)  # the request scope is closed after the view


def dbsession(request):  # Pyramid's own pattern: a lazily computed request attribute
    events.append("reify")
    return "db-for-" + request.path


def plain(request):
    return {"db": request.dbsession, "again": request.dbsession}


@inject
def items(request: Request, session: FromDishka[Session], dsn: FromDishka[str]):
    return {"dsn": dsn, "session_for": session.path}


with Configurator() as config:
    config.add_request_method(dbsession, "dbsession", reify=True)
    setup_dishka(make_container(Services(), PyramidProvider()), config)
    config.add_route("plain", "/plain")
    config.add_route("items", "/items")
    config.add_view(plain, route_name="plain", renderer="json")
    config.add_view(items, route_name="items", renderer="json")
    app = config.make_wsgi_app()

print(
    "Pyramid's own: the view", inspect.signature(plain), "reads", Blank.blank("/plain").get_response(app).json, events
)
assert events == ["reify"], "reify=True: computed once per request"
events.clear()
bodies = [Blank.blank("/items").get_response(app).json for _ in range(2)]
print("dishka-pyramid:", bodies, "| events:", events)
assert bodies[0] == {"dsn": "sqlite://", "session_for": "/items"}
assert events == ["open /items", "close /items"] * 2
