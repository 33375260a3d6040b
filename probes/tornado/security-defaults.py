"""Tornado: autoescaping is on, but XSRF is opt-in, cookies lack Secure/HttpOnly, no frame headers."""

FRAMEWORK = "tornado"
CRITERION = "security-defaults"
SHOWS = "claim"
REQUIRES = []

import asyncio

from tornado.httpclient import AsyncHTTPClient
from tornado.httpserver import HTTPServer
from tornado.template import DictLoader
from tornado.testing import bind_unused_port
from tornado.web import Application, RequestHandler


class Page(RequestHandler):
    def get(self):
        self.set_cookie("sid", "abc")
        self.render("page.html", v="<script>")

    def post(self):
        self.write("changed")


async def serve(**settings):
    sock, port = bind_unused_port()
    server = HTTPServer(Application([(r"/", Page)], template_loader=DictLoader({"page.html": "{{ v }}"}), **settings))
    server.add_sockets([sock])
    return server, f"http://127.0.0.1:{port}/"


async def main():
    client = AsyncHTTPClient()
    server, url = await serve()
    page = await client.fetch(url)
    post = await client.fetch(url, method="POST", body="", raise_error=False)
    cookie = page.headers["Set-Cookie"]
    print("body:", page.body, "| Set-Cookie:", cookie, "| X-Frame-Options:", page.headers.get("X-Frame-Options"))
    print("POST without token, default settings:", post.code)
    assert page.body == b"&lt;script&gt;"
    assert "secure" not in cookie.lower() and "httponly" not in cookie.lower()
    assert "X-Frame-Options" not in page.headers
    assert post.code == 200
    server.stop()
    server, url = await serve(xsrf_cookies=True)
    guarded = await client.fetch(url, method="POST", body="", raise_error=False)
    print("POST without token, xsrf_cookies=True:", guarded.code)
    assert guarded.code == 403
    server.stop()


asyncio.run(main())
