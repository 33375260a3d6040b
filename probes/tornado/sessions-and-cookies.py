"""Tornado: set_cookie() with opt-in flags and HMAC-signed cookies with key rotation; no session object."""

FRAMEWORK = "tornado"
CRITERION = "sessions-and-cookies"
SHOWS = "claim"
REQUIRES = []

import asyncio

from tornado.httpclient import AsyncHTTPClient
from tornado.httpserver import HTTPServer
from tornado.testing import bind_unused_port
from tornado.web import Application, RequestHandler


class Login(RequestHandler):
    def get(self):
        self.set_cookie("plain", "1")
        self.set_cookie("pref", "dark", secure=True, httponly=True, samesite="Strict", max_age=60)
        self.set_signed_cookie("user", "ada")


class Me(RequestHandler):
    def get(self):
        user = self.get_signed_cookie("user")
        self.write({"user": user.decode() if user else None, "session": hasattr(self, "session")})


async def serve(**settings):
    sock, port = bind_unused_port()
    server = HTTPServer(Application([(r"/login", Login), (r"/me", Me)], **settings))
    server.add_sockets([sock])
    return server, f"http://127.0.0.1:{port}"


async def main():
    fetch = AsyncHTTPClient().fetch
    keys = {1: "old-key", 2: "new-key"}
    old_server, old_base = await serve(cookie_secret=keys, key_version=1)
    old_cookie = (await fetch(old_base + "/login")).headers.get_list("Set-Cookie")[2].split(";")[0].split("=", 1)[1]
    old_server.stop()
    server, base = await serve(cookie_secret=keys, key_version=2)
    r = await fetch(base + "/login")
    cookies = r.headers.get_list("Set-Cookie")
    print("Set-Cookie:", *cookies, sep="\n  ")
    plain, pref, user = cookies
    assert not any(f in plain for f in ("Secure", "HttpOnly", "SameSite"))  # flags are opt-in
    assert all(f in pref for f in ("Secure", "HttpOnly", "SameSite=Strict", "Max-Age=60"))
    signed = user.split(";")[0].split("=", 1)[1]
    assert signed.split("|")[1] == "1:2" and "ada" not in signed  # signed with key version 2
    tampered = signed[:-4] + ("0000" if not signed.endswith("0000") else "1111")
    seen = {}
    for label, value in (("copied", signed), ("tampered", tampered), ("old key", old_cookie)):
        seen[label] = (await fetch(base + "/me", headers={"Cookie": f"user={value}"})).body.decode()
    server.stop()
    print("signed cookie read back:", seen)
    assert seen["copied"] == seen["old key"] == '{"user": "ada", "session": false}'
    assert seen["tampered"] == '{"user": null, "session": false}'
    assert RequestHandler.set_secure_cookie is RequestHandler.set_signed_cookie  # pre-6.3 name kept as alias


asyncio.run(main())
