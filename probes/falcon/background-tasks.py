"""Falcon: resp.schedule/schedule_sync run callbacks after an ASGI response; WSGI responses have no schedule()."""

FRAMEWORK = "falcon"
CRITERION = "background-tasks"
SHOWS = "claim"
REQUIRES = []

import asyncio
import functools
import threading

import falcon
import falcon.asgi
import falcon.testing

ran = []


async def notify(who):
    ran.append(f"notify {who}")


def blocking(who):
    ran.append(f"blocking {who} off-loop={threading.get_ident() != LOOP_THREAD}")


class Signup:
    async def on_post(self, req, resp):
        resp.schedule(functools.partial(notify, "ada"))
        resp.schedule_sync(functools.partial(blocking, "ada"))
        resp.media = {"accepted": True, "ran_before_response": list(ran)}


app = falcon.asgi.App()
app.add_route("/signup", Signup())


async def main():
    async with falcon.testing.ASGIConductor(app) as conductor:
        result = await conductor.simulate_post("/signup")
        print("response:", result.json)
        assert result.json == {"accepted": True, "ran_before_response": []}
        await asyncio.sleep(0.3)


LOOP_THREAD = threading.get_ident()
asyncio.run(main())
print("callbacks run:", ran)
assert sorted(ran) == ["blocking ada off-loop=True", "notify ada"]

print("WSGI falcon.Response has schedule:", hasattr(falcon.Response, "schedule"))
assert not hasattr(falcon.Response, "schedule")
