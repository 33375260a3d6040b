"""Tornado: its own HTTPServer (reuse_port, xheaders) serves the app; there is no WSGI/ASGI entry point."""

FRAMEWORK = "tornado"
CRITERION = "deployment"
SHOWS = "claim"
REQUIRES = []

import asyncio
import inspect

import tornado.wsgi
from tornado.httpclient import AsyncHTTPClient
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets
from tornado.web import Application, RequestHandler


class Ip(RequestHandler):
    def get(self):
        self.write(self.request.remote_ip)


async def main():
    app = Application([(r"/", Ip)])
    sockets = bind_sockets(0, "127.0.0.1", reuse_port=True)
    port = sockets[0].getsockname()[1]
    server = HTTPServer(app, xheaders=True)
    server.add_sockets(sockets)
    r = await AsyncHTTPClient().fetch(f"http://127.0.0.1:{port}/", headers={"X-Real-Ip": "203.0.113.9"})
    print("behind a proxy with xheaders=True, remote_ip =", r.body.decode())
    assert r.body == b"203.0.113.9"
    server.stop()

    # The stated limit: no WSGI/ASGI interface for standard servers.
    params = list(inspect.signature(Application.__call__).parameters)
    print("Application.__call__ parameters:", params)
    assert params == [
        "self",
        "request",
    ]  # called with an HTTPServerRequest, not (scope, receive, send) or (environ, start_response)
    print("tornado.wsgi exports:", [n for n in dir(tornado.wsgi) if n.startswith("WSGI")])
    assert not hasattr(tornado.wsgi, "WSGIApplication") and hasattr(tornado.wsgi, "WSGIContainer")


asyncio.run(main())
