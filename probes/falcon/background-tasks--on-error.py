"""Falcon: a scheduled callback is skipped only when an exception escapes the app, not after a default 500."""

FRAMEWORK = "falcon"
CRITERION = "background-tasks"
SHOWS = "claim"
REQUIRES = []

import asyncio
import logging

import falcon
import falcon.asgi
import falcon.testing

logging.getLogger("falcon").setLevel(logging.CRITICAL)  # the expected traceback is noise here
ran = []


async def job():
    ran.append("job")


class Broken:
    async def on_post(self, req, resp):
        resp.schedule(job)
        raise RuntimeError("not handled by the responder")


async def reraise(req, resp, ex, params):
    raise ex  # make the error truly unhandled: it escapes the app


async def attempt(app):
    ran.clear()
    app.add_route("/broken", Broken())
    async with falcon.testing.ASGIConductor(app) as conductor:
        try:
            status = (await conductor.simulate_post("/broken")).status
        except RuntimeError:
            status = "exception escaped the app"
        await asyncio.sleep(0.2)
    return status, list(ran)


escaped_app = falcon.asgi.App()
escaped_app.add_error_handler(RuntimeError, reraise)
escaped_status, ran_escaped = asyncio.run(attempt(escaped_app))
print("error escapes the app (custom handler re-raises):", escaped_status, "| callbacks run:", ran_escaped)
status, ran_default = asyncio.run(attempt(falcon.asgi.App()))
print("default error handling:", status, "| callbacks run:", ran_default)
assert ran_escaped == [], "a callback ran although the exception escaped the app"
assert status.startswith("500") and ran_default == ["job"], "the default 500 handler skipped the callback"
