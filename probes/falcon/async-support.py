"""Falcon: falcon.asgi.App runs async responders, async middleware and async hooks; falcon.App stays WSGI."""

FRAMEWORK = "falcon"
CRITERION = "async-support"
SHOWS = "presence"
REQUIRES = []

import asyncio

import falcon
import falcon.testing

try:
    import falcon.asgi
except ImportError:
    falcon.asgi = None
print("falcon.asgi available:", falcon.asgi is not None)
assert falcon.asgi is not None


class Timing:
    async def process_request(self, req, resp):
        req.context.trail = ["middleware"]


async def audit(req, resp, resource, params):
    await asyncio.sleep(0)
    req.context.trail.append("hook")


class Thing:
    @falcon.before(audit)
    async def on_post(self, req, resp):
        body = await req.get_media()
        a, b = await asyncio.gather(asyncio.sleep(0.05, "a"), asyncio.sleep(0.05, "b"))
        resp.media = {"trail": req.context.trail, "got": body, "gather": a + b}


app = falcon.asgi.App(middleware=[Timing()])
app.add_route("/thing", Thing())
result = falcon.testing.TestClient(app).simulate_post("/thing", json={"x": 1})
print("ASGI:", result.status, result.json)
assert result.json == {"trail": ["middleware", "hook"], "got": {"x": 1}, "gather": "ab"}


class SyncThing:
    def on_get(self, req, resp):
        resp.media = {"wsgi": True}


wsgi = falcon.App()
wsgi.add_route("/thing", SyncThing())
print("WSGI:", falcon.testing.TestClient(wsgi).simulate_get("/thing").json)
assert falcon.testing.TestClient(wsgi).simulate_get("/thing").json == {"wsgi": True}
