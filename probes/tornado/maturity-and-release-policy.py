"""Tornado: still 6.x, requires Python 3.11+, and APIs deprecated in 6.3 keep working, warning until 7.0."""

FRAMEWORK = "tornado"
CRITERION = "maturity-and-release-policy"
SHOWS = "claim"
REQUIRES = []

import asyncio
import importlib.metadata
import sys
import warnings

import tornado
from tornado.httpclient import AsyncHTTPClient
from tornado.httpserver import HTTPServer
from tornado.testing import bind_unused_port
from tornado.web import Application, RequestHandler

meta = importlib.metadata.metadata("tornado")
pythons = [
    c.rsplit(" ", 1)[1] for c in meta.get_all("Classifier") if c.startswith("Programming Language :: Python :: 3.")
]
print("tornado", tornado.version, "| Requires-Python", meta["Requires-Python"], "| classifiers", pythons)
print("running on", sys.version.split()[0])
assert tornado.version_info[0] == 6  # the 6.x line began in 2019
assert meta["Requires-Python"].replace(" ", "") == ">=3.11" and {"3.11", "3.12", "3.13", "3.14"} <= set(pythons)


class Old(RequestHandler):
    def get(self):
        self.set_secure_cookie("user", "ada")  # renamed set_signed_cookie in 6.3, alias kept
        self.set_cookie("pref", "dark", SameSite="Lax")  # mixed-case keyword: deprecated in 6.3, removal in 7.0


class Me(RequestHandler):
    def get(self):
        self.write(self.get_secure_cookie("user") or b"none")  # get_signed_cookie under its old name


async def main():
    sock, port = bind_unused_port()
    server = HTTPServer(Application([(r"/", Old), (r"/me", Me)], cookie_secret="s"))
    server.add_sockets([sock])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        r = await AsyncHTTPClient().fetch(f"http://127.0.0.1:{port}/")
    cookies = r.headers.get_list("Set-Cookie")
    signed = cookies[0].split(";")[0]
    me = await AsyncHTTPClient().fetch(f"http://127.0.0.1:{port}/me", headers={"Cookie": signed})
    server.stop()
    messages = [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)]
    print("old names:", cookies, "| read back:", me.body, "| warnings:", messages)
    assert me.body == b"ada" and "SameSite=Lax" in cookies[1]
    assert any("Deprecated arguments to set_cookie" in m for m in messages)


asyncio.run(main())
