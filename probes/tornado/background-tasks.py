"""Tornado: spawn_callback, PeriodicCallback and tornado.queues run background work, all in-process."""

FRAMEWORK = "tornado"
CRITERION = "background-tasks"
SHOWS = "claim"
REQUIRES = []

import asyncio

from tornado.httpclient import AsyncHTTPClient
from tornado.httpserver import HTTPServer
from tornado.ioloop import IOLoop, PeriodicCallback
from tornado.queues import Queue
from tornado.testing import bind_unused_port
from tornado.web import Application, RequestHandler

queue = Queue()
done = []


async def worker():
    while True:
        item = await queue.get()
        await asyncio.sleep(0.05)
        done.append(item)
        queue.task_done()


class Enqueue(RequestHandler):
    async def post(self):
        IOLoop.current().spawn_callback(queue.put, "job-1")
        self.write("accepted")


async def main():
    ticks = []
    timer = PeriodicCallback(lambda: ticks.append(1), 10)
    timer.start()
    IOLoop.current().spawn_callback(worker)
    sock, port = bind_unused_port()
    server = HTTPServer(Application([(r"/", Enqueue)]))
    server.add_sockets([sock])
    r = await AsyncHTTPClient().fetch(f"http://127.0.0.1:{port}/", method="POST", body="")
    print("response:", r.code, r.body, "| done at response time:", list(done))
    assert r.body == b"accepted" and done == []
    await asyncio.wait_for(queue.join(), 5)
    await asyncio.sleep(0.05)
    timer.stop()
    print("done:", done, "| periodic ticks:", len(ticks))
    assert done == ["job-1"] and len(ticks) >= 2
    # In-process only: the queue lives in memory and has no persistence hooks.
    assert not any(hasattr(queue, a) for a in ("persist", "save", "broker"))
    server.stop()


asyncio.run(main())
