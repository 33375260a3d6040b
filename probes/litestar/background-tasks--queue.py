"""Litestar: litestar-saq adds a `workers` command to the litestar CLI and gives handlers a queue a worker drains."""

FRAMEWORK = "litestar"
CRITERION = "background-tasks"
SHOWS = "claim"
REQUIRES = ["litestar-saq==0.8.0", "redis==8.1.0", "httpx==0.28.1"]

import asyncio
import socket
import sys

import click
from litestar import Litestar, post
from litestar.testing import TestClient
from litestar_saq import QueueConfig, SAQConfig, SAQPlugin, TaskQueues
from saq import Queue, Worker
from saq.job import Status

REDIS = ("127.0.0.1", 6379)


async def add(ctx, *, a, b):
    return a + b


@post("/sum")
async def enqueue_sum(task_queues: TaskQueues) -> dict:
    job = await task_queues.get("probe").enqueue("add", a=2, b=3)
    return {"job": job.key}


plugin = SAQPlugin(SAQConfig(queue_configs=[QueueConfig(name="probe", dsn="redis://127.0.0.1:6379/15", tasks=[add])]))
app = Litestar(route_handlers=[enqueue_sum], plugins=[plugin])

cli = click.Group("litestar")
plugin.on_cli_init(cli)
print("CLI groups added by the plugin:", sorted(cli.commands), "->", sorted(cli.commands["workers"].commands))
assert "run" in cli.commands["workers"].commands

try:
    socket.create_connection(REDIS, timeout=2).close()
except OSError as error:
    print("no Redis on", REDIS, "to run a job:", error)
    sys.exit(77)


with TestClient(app) as client:
    response = client.post("/sum")
key = response.json()["job"]
print("enqueued by the handler:", response.status_code, key)


async def main():
    queue = Queue.from_url("redis://127.0.0.1:6379/15", name="probe")
    job = await queue.job(key)
    print("before a worker:", job.status)
    assert job.status == Status.QUEUED
    worker = Worker(queue, functions=[add])
    running = asyncio.create_task(worker.start())
    for _ in range(100):
        job = await queue.job(key)
        if job.status == Status.COMPLETE:
            break
        await asyncio.sleep(0.05)
    await worker.stop()
    running.cancel()
    await queue.disconnect()
    print("after a worker:", job.status, "result:", job.result)
    assert job.result == 5


asyncio.run(main())
