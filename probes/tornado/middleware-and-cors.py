"""Tornado: no middleware list, only base-handler hooks and output transforms; CORS is written by hand."""

FRAMEWORK = "tornado"
CRITERION = "middleware-and-cors"
SHOWS = "claim"
REQUIRES = []

import asyncio
import inspect

from tornado.httpclient import AsyncHTTPClient
from tornado.httpserver import HTTPServer
from tornado.testing import bind_unused_port
from tornado.web import Application, OutputTransform, RequestHandler

PREFLIGHT = {"Origin": "https://app.example", "Access-Control-Request-Method": "POST"}
finished = []


class Base(RequestHandler):  # cross-cutting code lives in a base class
    def prepare(self):
        if self.request.path == "/blocked":
            self.set_status(403)
            self.finish("stopped in prepare()")

    def set_default_headers(self):
        self.set_header("X-Base", "yes")

    def on_finish(self):
        finished.append((self.request.path, self.get_status()))


class Api(Base):
    def post(self):
        self.write("hi")

    get = post


class CorsApi(Api):  # the hand-written CORS recipe
    def set_default_headers(self):
        super().set_default_headers()
        if self.request.headers.get("Origin") == "https://app.example":
            self.set_header("Access-Control-Allow-Origin", "https://app.example")
            self.set_header("Access-Control-Allow-Methods", "POST, OPTIONS")

    def options(self):
        self.set_status(204)
        self.finish()


class Stamp(OutputTransform):  # app-wide, but only over outgoing headers and body chunks
    def transform_first_chunk(self, status_code, headers, chunk, finishing):
        headers["X-Transform"] = "yes"
        return status_code, headers, chunk


async def main():
    print("Application parameters:", list(inspect.signature(Application.__init__).parameters))
    assert "middleware" not in inspect.signature(Application.__init__).parameters
    sock, port = bind_unused_port()
    app = Application([(r"/api", Api), (r"/blocked", Api), (r"/cors", CorsApi)], transforms=[Stamp])
    server = HTTPServer(app)
    server.add_sockets([sock])
    fetch = AsyncHTTPClient().fetch
    base = f"http://127.0.0.1:{port}"
    r = await fetch(base + "/api", method="POST", body="")
    blocked = await fetch(base + "/blocked", raise_error=False)
    print("hooks:", r.code, r.headers["X-Base"], r.headers["X-Transform"], "| blocked:", blocked.code, blocked.body)
    assert r.headers["X-Base"] == r.headers["X-Transform"] == "yes" and blocked.code == 403
    assert ("/api", 200) in finished and ("/blocked", 403) in finished
    bare = await fetch(base + "/api", method="OPTIONS", headers=PREFLIGHT, raise_error=False)
    print("core preflight:", bare.code, bare.headers.get("Access-Control-Allow-Origin"))
    assert bare.code == 405 and "Access-Control-Allow-Origin" not in bare.headers
    pre = await fetch(base + "/cors", method="OPTIONS", headers=PREFLIGHT)
    print(
        "hand-written preflight:",
        pre.code,
        pre.headers.get("Access-Control-Allow-Origin"),
        pre.headers.get("Access-Control-Allow-Methods"),
    )
    assert pre.code == 204 and pre.headers["Access-Control-Allow-Origin"] == "https://app.example"
    server.stop()


asyncio.run(main())
