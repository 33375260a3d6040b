"""Tornado: regex URL specs, named reverse_url and tornado.routing host rules; captured values arrive as strings."""

FRAMEWORK = "tornado"
CRITERION = "routing"
SHOWS = "claim"
REQUIRES = []

import asyncio
import json

from tornado.httpclient import AsyncHTTPClient
from tornado.httpserver import HTTPServer
from tornado.routing import HostMatches, PathMatches, Rule, RuleRouter
from tornado.testing import bind_unused_port
from tornado.web import Application, RequestHandler, url


class Post(RequestHandler):
    def get(self, pk):
        self.write({"pk": pk, "type": type(pk).__name__, "self": self.reverse_url("post", pk)})


class Admin(RequestHandler):
    def get(self):
        self.write("admin")


async def main():
    site = Application([url(r"/posts/(\d+)", Post, name="post")])
    admin = Application([(r"/admin/", Admin)])
    router = RuleRouter([Rule(HostMatches(r"admin\.example"), admin), Rule(PathMatches(r"/posts/.*"), site)])
    sock, port = bind_unused_port()
    server = HTTPServer(router)
    server.add_sockets([sock])
    client = AsyncHTTPClient()
    base = f"http://127.0.0.1:{port}"
    ok = await client.fetch(base + "/posts/7")
    bad = await client.fetch(base + "/posts/seven", raise_error=False)
    host = await client.fetch(base + "/admin/", headers={"Host": "admin.example"})
    data = json.loads(ok.body)
    print("/posts/7", ok.code, data, "| /posts/seven", bad.code, "| admin host", host.code, host.body)
    assert bad.code == 404 and host.body == b"admin"
    assert data["self"] == "/posts/7"
    # The stated limit: no converters, the value arrives as a string.
    assert data["pk"] == "7" and data["type"] == "str"
    server.stop()


asyncio.run(main())
