"""FastAPI: BackgroundTasks run after the response in the web process, with no retry of a failed task."""

FRAMEWORK = "fastapi"
CRITERION = "background-tasks"
SHOWS = "presence"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2"]

import inspect
import os

from fastapi import BackgroundTasks, FastAPI
from fastapi.testclient import TestClient

app = FastAPI()
log = []


def record(tag):
    log.append((tag, os.getpid()))


def flaky():
    log.append(("flaky", os.getpid()))
    raise RuntimeError("task failed")


@app.post("/ok")
def ok(tasks: BackgroundTasks):
    tasks.add_task(record, "first")
    tasks.add_task(record, "second")
    log.append(("handler", os.getpid()))
    return {"queued": 2}


@app.post("/fail")
def fail(tasks: BackgroundTasks):
    tasks.add_task(flaky)
    return {"queued": 1}


client = TestClient(app, raise_server_exceptions=False)
r = client.post("/ok")
print("ok:", r.status_code, r.json(), "log:", log)
assert [t for t, _ in log] == ["handler", "first", "second"], "tasks run after the handler, in order"
assert {pid for _, pid in log} == {os.getpid()}, "tasks run inside the web process"
log.clear()
r = client.post("/fail")
print("fail:", r.status_code, "log:", log)
assert r.status_code == 200 and [t for t, _ in log] == ["flaky"], "a failing task is run once, never retried"
params = list(inspect.signature(BackgroundTasks.add_task).parameters)
print("add_task parameters:", params)
assert not {"delay", "countdown", "eta", "retries", "queue"} & set(params)
