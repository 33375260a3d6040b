"""Tornado: a written dict becomes application/json; OpenAPI comes from apispec-webframeworks' plugin."""

FRAMEWORK = "tornado"
CRITERION = "rest-api-tooling"
SHOWS = "claim"
REQUIRES = ["apispec==6.10.0", "apispec-webframeworks==1.2.0", "PyYAML==6.0.4"]  # apispec 6.10.1 breaks the plugin

import asyncio
import importlib.util
import json

from apispec import APISpec
from apispec_webframeworks.tornado import TornadoPlugin
from tornado.httpclient import AsyncHTTPClient
from tornado.httpserver import HTTPServer
from tornado.testing import bind_unused_port
from tornado.web import Application, RequestHandler


class Item(RequestHandler):
    def get(self, item_id):
        """Fetch one item.
        ---
        description: One item by id
        responses:
          200:
            description: the item
        """
        self.write({"id": item_id})


async def main():
    sock, port = bind_unused_port()
    server = HTTPServer(Application([(r"/items/(?P<item_id>\d+)", Item)]))
    server.add_sockets([sock])
    r = await AsyncHTTPClient().fetch(f"http://127.0.0.1:{port}/items/3")
    print(r.code, r.headers["Content-Type"], r.body)
    assert r.headers["Content-Type"].startswith("application/json") and json.loads(r.body) == {"id": "3"}
    server.stop()


asyncio.run(main())
assert not [m for m in ("tornado.openapi", "tornado.rest", "tornado.api") if importlib.util.find_spec(m)]
spec = APISpec(title="probe", version="1", openapi_version="3.0.3", plugins=[TornadoPlugin()])
spec.path(urlspec=(r"/items/(?P<item_id>\d+)", Item))
paths = spec.to_dict()["paths"]
print("apispec paths:", paths)
assert paths["/items/{item_id}"]["get"]["description"] == "One item by id"
