"""Tornado: automatic body ETags with 304s and cache headers for versioned static URLs; no cache API."""

FRAMEWORK = "tornado"
CRITERION = "caching"
SHOWS = "claim"
REQUIRES = []

import asyncio
import pathlib
import pkgutil
import tempfile

import tornado
from tornado.httpclient import AsyncHTTPClient
from tornado.httpserver import HTTPServer
from tornado.testing import bind_unused_port
from tornado.web import Application, RequestHandler

static = pathlib.Path(tempfile.mkdtemp())
(static / "app.css").write_text("body { color: red }")
renders = []


class Report(RequestHandler):
    def get(self):
        renders.append(1)  # the body is generated even when the answer is a 304
        self.write({"rows": 3})


class NoEtag(Report):
    def compute_etag(self):
        return None


class Page(RequestHandler):
    def get(self):
        self.write(self.static_url("app.css"))


async def main():
    sock, port = bind_unused_port()
    app = Application([(r"/report", Report), (r"/noetag", NoEtag), (r"/page", Page)], static_path=str(static))
    server = HTTPServer(app)
    server.add_sockets([sock])
    fetch, base = AsyncHTTPClient().fetch, f"http://127.0.0.1:{port}"

    r = await fetch(base + "/report")
    again = await fetch(base + "/report", headers={"If-None-Match": r.headers["Etag"]}, raise_error=False)
    print("dynamic:", r.headers["Etag"], "-> If-None-Match:", again.code, "| bodies generated:", len(renders))
    assert again.code == 304 and len(renders) == 2
    off = await fetch(base + "/noetag")
    print("compute_etag() returning None:", off.headers.get("Etag"))
    assert "Etag" not in off.headers

    url = (await fetch(base + "/page")).body.decode()
    versioned = await fetch(base + url)
    plain = await fetch(base + "/static/app.css")
    ims = await fetch(
        base + "/static/app.css", headers={"If-Modified-Since": plain.headers["Last-Modified"]}, raise_error=False
    )
    print("static_url:", url, "| versioned Cache-Control:", versioned.headers.get("Cache-Control"))
    print("unversioned Cache-Control:", plain.headers.get("Cache-Control"), "| If-Modified-Since:", ims.code)
    assert "?v=" in url and "max-age=315360000" in versioned.headers["Cache-Control"]
    assert "Cache-Control" not in plain.headers and ims.code == 304

    modules = [m.name for m in pkgutil.iter_modules(tornado.__path__)]
    print("tornado modules:", modules)
    assert not any("cach" in m for m in modules)
    server.stop()


asyncio.run(main())
