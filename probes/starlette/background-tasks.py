"""Starlette: BackgroundTasks run after the response, in order, in-process; a failed task is not retried."""

FRAMEWORK = "starlette"
CRITERION = "background-tasks"
SHOWS = "presence"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2"]

import os

from starlette.applications import Starlette
from starlette.background import BackgroundTask, BackgroundTasks
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient

log = []


def sync_job(tag):
    log.append((tag, os.getpid()))


async def async_job(tag):
    log.append((tag, os.getpid()))


def flaky():
    log.append(("flaky", os.getpid()))
    raise RuntimeError("boom")


async def ok(request):
    tasks = BackgroundTasks()
    tasks.add_task(sync_job, "sync")
    tasks.add_task(async_job, "async")
    log.append(("handler", os.getpid()))
    return JSONResponse({"queued": 2}, background=tasks)


async def fail(request):
    return JSONResponse({"queued": 1}, background=BackgroundTask(flaky))


app = Starlette(routes=[Route("/ok", ok), Route("/fail", fail)])
client = TestClient(app, raise_server_exceptions=False)
r = client.get("/ok")
print("ok:", r.status_code, r.json(), "log:", log)
assert [t for t, _ in log] == ["handler", "sync", "async"]
assert {p for _, p in log} == {os.getpid()}
log.clear()
r = client.get("/fail")
print("fail:", r.status_code, r.json(), "log:", log)
assert r.status_code == 200 and [t for t, _ in log] == ["flaky"], "run once, not retried"
