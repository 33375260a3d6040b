"""Quart: one worker on one event loop serves many concurrent I/O-bound requests at once."""

FRAMEWORK = "quart"
CRITERION = "performance"
SHOWS = "claim"
REQUIRES = []

import asyncio
import threading
import time

from quart import Quart

app = Quart(__name__)
threads = set()


@app.get("/slow")
async def slow():
    threads.add(threading.get_ident())
    await asyncio.sleep(0.5)  # stands in for a database or upstream call
    return "done"


async def main():
    client = app.test_client()
    start = time.perf_counter()
    responses = await asyncio.gather(*(client.get("/slow") for _ in range(50)))
    elapsed = time.perf_counter() - start
    print(f"50 requests each waiting 0.5 s finished in {elapsed:.2f} s on {len(threads)} thread(s)")
    assert all(r.status_code == 200 for r in responses)
    assert len(threads) == 1
    assert elapsed < 5  # serial handling would need 25 s


asyncio.run(main())
