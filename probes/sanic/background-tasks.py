"""Sanic: app.add_task runs named in-process tasks on the worker loop that can be looked up and cancelled."""

FRAMEWORK = "sanic"
CRITERION = "background-tasks"
SHOWS = "claim"
REQUIRES = ["sanic-testing==24.6.0"]

import asyncio

from sanic import Sanic
from sanic.response import json

app = Sanic("probe_tasks", configure_logging=False)
events = []


async def forever():
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        events.append("forever cancelled")
        raise


async def job():
    await asyncio.sleep(0.05)
    events.append("job ran")


@app.after_server_start
async def start(app):
    app.add_task(forever(), name="forever")


@app.get("/")
async def run(request):
    request.app.add_task(job(), name="job")
    before = list(events)
    await asyncio.sleep(0.2)
    task = request.app.get_task("forever")
    await request.app.cancel_task("forever")
    return json({"before": before, "after": list(events), "name": task.get_name(), "done": task.done()})


_, r = app.test_client.get("/")
print(r.status, r.json)
assert r.json == {"before": [], "after": ["job ran", "forever cancelled"], "name": "forever", "done": True}
