"""Tornado: tornado.template renders with extends/block inheritance and escapes HTML by default."""

FRAMEWORK = "tornado"
CRITERION = "templating"
SHOWS = "presence"
REQUIRES = []

import asyncio

from tornado.httpclient import AsyncHTTPClient
from tornado.httpserver import HTTPServer
from tornado.template import DictLoader
from tornado.testing import bind_unused_port
from tornado.web import Application, RequestHandler

TEMPLATES = {
    "base.html": "<title>{% block title %}base{% end %}</title><main>{% block body %}{% end %}</main>",
    "page.html": '{% extends "base.html" %}{% block title %}T{% end %}'
    "{% block body %}{{ name }} {% for i in range(3) %}{{ i }}{% end %}{% end %}",
}


class Page(RequestHandler):
    def get(self):
        self.render("page.html", name=self.get_argument("name"))


async def main():
    sock, port = bind_unused_port()
    server = HTTPServer(Application([(r"/", Page)], template_loader=DictLoader(TEMPLATES)))
    server.add_sockets([sock])
    r = await AsyncHTTPClient().fetch(f"http://127.0.0.1:{port}/?name=%3Cb%3E")
    body = r.body.decode()
    print(r.code, body)
    assert body == "<title>T</title><main>&lt;b&gt; 012</main>"
    server.stop()


asyncio.run(main())
