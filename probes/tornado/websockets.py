"""Tornado: WebSocketHandler echoes to the bundled websocket_connect client and refuses cross-origin handshakes."""

FRAMEWORK = "tornado"
CRITERION = "websockets"
SHOWS = "presence"
REQUIRES = []

import asyncio

from tornado.httpclient import HTTPClientError, HTTPRequest
from tornado.httpserver import HTTPServer
from tornado.testing import bind_unused_port
from tornado.web import Application
from tornado.websocket import WebSocketHandler, websocket_connect

events = []


class Echo(WebSocketHandler):
    def open(self):
        events.append("open")

    def on_message(self, message):
        self.write_message("echo:" + message)

    def on_close(self):
        events.append("close")


async def main():
    sock, port = bind_unused_port()
    server = HTTPServer(Application([(r"/ws", Echo)], websocket_ping_interval=10))
    server.add_sockets([sock])
    url = f"ws://127.0.0.1:{port}/ws"
    conn = await websocket_connect(url)
    await conn.write_message("hello")
    reply = await conn.read_message()
    conn.close()
    await asyncio.sleep(0.1)
    print("reply:", reply, "events:", events)
    assert reply == "echo:hello"
    assert events == ["open", "close"]
    try:
        await websocket_connect(HTTPRequest(url, headers={"Origin": "http://evil.example"}))
        cross = "accepted"
    except HTTPClientError as exc:
        cross = exc.code
    print("cross-origin handshake:", cross)
    assert cross == 403
    server.stop()


asyncio.run(main())
