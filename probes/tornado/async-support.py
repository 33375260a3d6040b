"""Tornado: async def handler methods run concurrently on the IOLoop, which is the running asyncio loop."""

FRAMEWORK = "tornado"
CRITERION = "async-support"
SHOWS = "presence"
REQUIRES = []

import asyncio

from tornado.httpclient import AsyncHTTPClient
from tornado.httpserver import HTTPServer
from tornado.testing import bind_unused_port
from tornado.web import Application, RequestHandler

both_inside = asyncio.Event()
inside = []


class Slow(RequestHandler):
    async def get(self, n):
        inside.append(n)
        if len(inside) == 2:
            both_inside.set()
        # Each request waits for the other: only concurrent handling lets both finish.
        await asyncio.wait_for(both_inside.wait(), timeout=5)
        self.write(n)


async def main():
    sock, port = bind_unused_port()
    server = HTTPServer(Application([(r"/(\d)", Slow)]))
    server.add_sockets([sock])
    client = AsyncHTTPClient()
    responses = await asyncio.gather(*(client.fetch(f"http://127.0.0.1:{port}/{n}") for n in (1, 2)))
    bodies = sorted(r.body.decode() for r in responses)
    print("statuses", [r.code for r in responses], "bodies", bodies)
    assert bodies == ["1", "2"]
    server.stop()


asyncio.run(main())
