"""Tornado: URL rules pass keyword arguments to initialize(), settings reach self.settings; no type resolution."""

FRAMEWORK = "tornado"
CRITERION = "dependency-injection"
SHOWS = "claim"
REQUIRES = []

import asyncio
import logging

from tornado.httpclient import AsyncHTTPClient
from tornado.httpserver import HTTPServer
from tornado.testing import bind_unused_port
from tornado.web import Application, RequestHandler

logging.getLogger("tornado.application").setLevel(logging.CRITICAL)  # the 500 below is expected
instances = []


class Database:
    def __init__(self, name):
        self.name = name


class Profile(RequestHandler):
    def initialize(self, db):  # wired per route: (pattern, handler, kwargs)
        self.db = db
        instances.append(self)  # a new handler, so a new injection, for every request

    def get(self):
        self.write(f"{self.db.name} region={self.settings['region']}")


class Typed(RequestHandler):
    def get(self, db: Database):  # a type hint alone does not bring a Database
        self.write(db.name)


def make_app(db):
    return Application([(r"/profile", Profile, {"db": db}), (r"/typed", Typed)], region="eu")


async def main():
    fetch, bodies = AsyncHTTPClient().fetch, {}
    for label, db in (("real", Database("postgres")), ("test", Database("fake"))):  # tests swap the kwargs
        sock, port = bind_unused_port()
        server = HTTPServer(make_app(db))
        server.add_sockets([sock])
        first = (await fetch(f"http://127.0.0.1:{port}/profile")).body.decode()
        second = (await fetch(f"http://127.0.0.1:{port}/profile")).body.decode()
        bodies[label] = (first, second)
        typed = await fetch(f"http://127.0.0.1:{port}/typed", raise_error=False)
        server.stop()
    print(bodies, "| handler instances:", len(instances), "| handler with a typed parameter:", typed.code)
    assert bodies == {"real": ("postgres region=eu",) * 2, "test": ("fake region=eu",) * 2}
    assert len(instances) == 4 and len({id(h) for h in instances}) == 4
    assert typed.code == 500


asyncio.run(main())
