"""Tornado: get_current_user with a signed cookie and @authenticated redirecting to login_url."""

FRAMEWORK = "tornado"
CRITERION = "authentication-and-permissions"
SHOWS = "claim"
REQUIRES = []

import asyncio

import tornado.auth
from tornado.httpclient import AsyncHTTPClient
from tornado.httpserver import HTTPServer
from tornado.testing import bind_unused_port
from tornado.web import Application, RequestHandler, authenticated


class Base(RequestHandler):
    def get_current_user(self):
        value = self.get_signed_cookie("user")
        return value.decode() if value else None


class Login(Base):
    def get(self):
        self.set_signed_cookie("user", "alice")
        self.write("ok")


class Private(Base):
    @authenticated
    def get(self):
        self.write("hello " + self.current_user)


async def main():
    sock, port = bind_unused_port()
    app = Application([(r"/login", Login), (r"/private", Private)], cookie_secret="probe-secret", login_url="/login")
    server = HTTPServer(app)
    server.add_sockets([sock])
    client = AsyncHTTPClient()
    base = f"http://127.0.0.1:{port}"
    anon = await client.fetch(base + "/private", follow_redirects=False, raise_error=False)
    print("anonymous:", anon.code, anon.headers.get("Location"))
    assert anon.code == 302 and anon.headers["Location"].startswith("/login?next=")
    login = await client.fetch(base + "/login")
    cookie = login.headers["Set-Cookie"].split(";")[0]
    forged = await client.fetch(
        base + "/private", headers={"Cookie": "user=alice"}, follow_redirects=False, raise_error=False
    )
    signed = await client.fetch(base + "/private", headers={"Cookie": cookie})
    print("unsigned cookie:", forged.code, "| signed cookie:", signed.code, signed.body)
    assert forged.code == 302
    assert signed.body == b"hello alice"
    server.stop()


asyncio.run(main())
mixins = [n for n in ("GoogleOAuth2Mixin", "FacebookGraphMixin", "TwitterMixin") if hasattr(tornado.auth, n)]
print("tornado.auth mixins:", mixins)
assert len(mixins) == 3
