"""Tornado: the request is self.request on a RequestHandler, with get_argument and get_cookie helpers."""

FRAMEWORK = "tornado"
CRITERION = "request-object"
SHOWS = "presence"
REQUIRES = []

import asyncio
import json

from tornado.httpclient import AsyncHTTPClient
from tornado.httpserver import HTTPServer
from tornado.httputil import HTTPServerRequest
from tornado.testing import bind_unused_port
from tornado.web import Application, RequestHandler


class Echo(RequestHandler):
    def post(self, item):
        assert isinstance(self.request, HTTPServerRequest)
        self.write(
            {
                "item": item,
                "method": self.request.method,
                "q": self.get_query_argument("q"),
                "field": self.get_body_argument("field"),
                "any": self.get_argument("q"),
                "header": self.request.headers.get("X-Probe"),
                "cookie": self.get_cookie("c"),
                "ip": self.request.remote_ip,
            }
        )


async def main():
    sock, port = bind_unused_port()
    server = HTTPServer(Application([(r"/items/(\w+)", Echo)]))
    server.add_sockets([sock])
    r = await AsyncHTTPClient().fetch(
        f"http://127.0.0.1:{port}/items/42?q=x",
        method="POST",
        body="field=value",
        headers={"X-Probe": "yes", "Cookie": "c=choc"},
    )
    data = json.loads(r.body)
    print(r.code, data)
    assert data == {
        "item": "42",
        "method": "POST",
        "q": "x",
        "field": "value",
        "any": "x",
        "header": "yes",
        "cookie": "choc",
        "ip": "127.0.0.1",
    }
    server.stop()


asyncio.run(main())
