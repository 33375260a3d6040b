"""Flask + Dishka: Flask has only g and helpers views call; setup_dishka fills FromDishka[T] per request scope."""

FRAMEWORK = "flask"
CRITERION = "dependency-injection"
SHOWS = "claim"
REQUIRES = ["dishka==1.10.1"]

import inspect
from collections.abc import Iterable

from dishka import FromDishka, Provider, Scope, make_container, provide
from dishka.integrations.flask import FlaskProvider, setup_dishka
from flask import Flask, Request, g

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
        path = request.path
        events.append("open " + path)
        yield Session(path)
        events.append("close " + path)  # runs at teardown, after the view


app = Flask(__name__)


def get_db():  # Flask's own pattern: a helper the view calls, keeping the object on g
    if "db" not in g:
        g.db = "db-on-g"
    return g.db


@app.get("/plain")
def plain():
    return get_db()


@app.get("/items")
def items(session: FromDishka[Session], dsn: FromDishka[str]):
    return {"dsn": dsn, "session_for": session.path}


container = make_container(Services(), FlaskProvider())
setup_dishka(container=container, app=app, auto_inject=True)  # after the views are registered
client = app.test_client()
print(
    "Flask's own pattern: the view takes", inspect.signature(plain), "and calls get_db() ->", client.get("/plain").text
)
events.clear()
print("Dishka:", client.get("/items").json, client.get("/items").json, "| events:", events)
assert client.get("/items").json == {"dsn": "sqlite://", "session_for": "/items"}
assert events == ["open /items", "close /items"] * 3, "one session per request, closed after it"
