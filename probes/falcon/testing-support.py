"""Falcon: falcon.testing drives WSGI and ASGI apps in-process, and ASGIConductor runs lifespan and WebSockets."""

FRAMEWORK = "falcon"
CRITERION = "testing-support"
SHOWS = "claim"
REQUIRES = []

import asyncio

import falcon
import falcon.asgi
import falcon.testing


class Echo:
    def on_post(self, req, resp):
        resp.media = {"got": req.get_media(), "q": req.get_param("q")}
        resp.set_cookie("seen", "1", secure=False)


class AsyncEcho:
    async def on_post(self, req, resp):
        resp.media = {"got": await req.get_media()}

    async def on_websocket(self, req, ws):
        await ws.accept()
        await ws.send_text("echo " + await ws.receive_text())


class Lifespan:
    events = []

    async def process_startup(self, scope, event):
        self.events.append("startup")


wsgi = falcon.App()
wsgi.add_route("/echo", Echo())
result = falcon.testing.TestClient(wsgi).simulate_post("/echo", json={"a": 1}, params={"q": "z"})
print("WSGI:", result.status, result.json, "cookie:", result.cookies["seen"].value)
assert result.json == {"got": {"a": 1}, "q": "z"} and result.cookies["seen"].value == "1"

asgi = falcon.asgi.App(middleware=[Lifespan()])
asgi.add_route("/echo", AsyncEcho())
asgi_result = falcon.testing.simulate_post(asgi, "/echo", json=[1, 2])
print("ASGI sync helper:", asgi_result.json)
assert asgi_result.json == {"got": [1, 2]}
Lifespan.events.clear()


async def main():
    async with falcon.testing.ASGIConductor(asgi) as conductor:
        print("lifespan events:", Lifespan.events)
        assert Lifespan.events == ["startup"]
        async with conductor.simulate_ws("/echo") as ws:
            await ws.send_text("hi")
            reply = await ws.receive_text()
        print("websocket:", reply)
        assert reply == "echo hi"


asyncio.run(main())

req = falcon.testing.create_req(path="/x", query_string="a=1")
print("create_req:", req.path, req.get_param("a"))
assert (req.path, req.get_param("a")) == ("/x", "1")
