"""Quart: add_background_task runs work after the response; shutdown waits for it; errors are only logged."""

FRAMEWORK = "quart"
CRITERION = "background-tasks"
SHOWS = "claim"
REQUIRES = []

import asyncio
import logging
import tempfile
import threading

from quart import Quart, current_app

app = Quart(__name__, root_path=tempfile.mkdtemp())
app.logger.setLevel(logging.CRITICAL)  # keep the expected error's traceback out of the output
done = []


async def send_mail(to):
    await asyncio.sleep(0.3)
    done.append(f"mail to {to} ({current_app.name})")


def blocking_job():
    done.append(f"sync job in thread {threading.get_ident() != main_thread}")


async def broken():
    raise ValueError("boom")


@app.post("/signup")
async def signup():
    app.add_background_task(send_mail, "ada")
    app.add_background_task(blocking_job)
    app.add_background_task(broken)
    return "accepted"


async def main():
    async with app.test_app() as test_app:
        resp = await test_app.test_client().post("/signup")
        print("response:", resp.status_code, await resp.get_data(as_text=True), "| done at response:", list(done))
        assert resp.status_code == 200 and not any(d.startswith("mail") for d in done)
    print("done after shutdown:", done)
    assert sorted(done) == [f"mail to ada ({app.name})", "sync job in thread True"]


main_thread = threading.get_ident()
print("BACKGROUND_TASK_SHUTDOWN_TIMEOUT:", app.config["BACKGROUND_TASK_SHUTDOWN_TIMEOUT"])
asyncio.run(main())
