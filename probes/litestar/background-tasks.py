"""Litestar: BackgroundTasks on a response run after sending and @listener handles emitted events, both in-process."""

FRAMEWORK = "litestar"
CRITERION = "background-tasks"
SHOWS = "presence"
REQUIRES = ["httpx==0.27.2"]  # older releases' test clients pass app=, which httpx 0.28 removed

import os
import time

from litestar import Litestar, Request, Response, get
from litestar.background_tasks import BackgroundTask, BackgroundTasks
from litestar.events import listener
from litestar.testing import TestClient

log = []


async def job(tag):
    log.append((tag, os.getpid()))


async def flaky():
    log.append(("flaky", os.getpid()))
    raise RuntimeError("boom")


@listener("user_created")
async def on_user_created(name):
    log.append(("event:" + name, os.getpid()))


@get("/ok")
async def ok(request: Request) -> Response:
    request.app.emit("user_created", "ann")
    log.append(("handler", os.getpid()))
    return Response({"ok": True}, background=BackgroundTasks([BackgroundTask(job, "a"), BackgroundTask(job, "b")]))


@get("/fail")
async def fail() -> Response:
    return Response({"ok": True}, background=BackgroundTask(flaky))


app = Litestar(route_handlers=[ok, fail], listeners=[on_user_created])
with TestClient(app, raise_server_exceptions=False) as client:
    r = client.get("/ok")
    for _ in range(50):
        if len(log) == 4:
            break
        time.sleep(0.02)
    print("ok:", r.status_code, r.json(), "log:", log)
    tags = [t for t, _ in log]
    assert tags[0] == "handler" and tags.index("a") < tags.index("b") and "event:ann" in tags
    assert {p for _, p in log} == {os.getpid()}
    log.clear()
    r = client.get("/fail")
    # The 200 was already sent when the task failed; the test client then reports the error as a 500.
    print("fail:", r.status_code, "log:", log)
    assert [t for t, _ in log] == ["flaky"], "a failing task runs once and is not retried"
