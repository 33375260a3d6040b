"""Flask: an async view gets its own short-lived event loop; a task it spawns does not outlive the request."""

FRAMEWORK = "flask"
CRITERION = "async-support"
SHOWS = "claim"
REQUIRES = ["asgiref==3.13.0"]

import asyncio
import time

from flask import Flask

app = Flask(__name__)
seen = {"loops": [], "tasks": [], "finished": []}


async def slow_job():
    await asyncio.sleep(0.3)
    seen["finished"].append(True)


@app.route("/")
async def index():
    seen["loops"].append(asyncio.get_running_loop())
    seen["tasks"].append(asyncio.create_task(slow_job()))
    return "ok"


client = app.test_client()
client.get("/")
client.get("/")
time.sleep(0.5)  # give any surviving task time to finish
loop1, loop2 = seen["loops"]
print("same loop for both requests:", loop1 is loop2, "| loops closed:", loop1.is_closed(), loop2.is_closed())
print("tasks done:", [t.done() for t in seen["tasks"]], "cancelled:", [t.cancelled() for t in seen["tasks"]])
print("spawned jobs that finished:", len(seen["finished"]))
assert loop1 is not loop2
assert loop1.is_closed() and loop2.is_closed()
assert seen["finished"] == []
