"""Tornado: validation is manual: get_argument gives 400 when missing, a dict is written as JSON."""

FRAMEWORK = "tornado"
CRITERION = "validation-and-serialization"
SHOWS = "claim"
REQUIRES = []

import asyncio
import importlib.util
import json

from tornado.escape import json_decode
from tornado.httpclient import AsyncHTTPClient
from tornado.httpserver import HTTPServer
from tornado.testing import bind_unused_port
from tornado.web import Application, HTTPError, RequestHandler


class Items(RequestHandler):
    def get(self):
        self.write({"limit": self.get_argument("limit")})

    def post(self):
        data = json_decode(self.request.body)
        if not isinstance(data.get("qty"), int):  # the check is ours to write
            raise HTTPError(400)
        self.write({"qty": data["qty"], "type": type(data["qty"]).__name__})


async def main():
    sock, port = bind_unused_port()
    server = HTTPServer(Application([(r"/", Items)]))
    server.add_sockets([sock])
    client = AsyncHTTPClient()
    url = f"http://127.0.0.1:{port}/"
    missing = await client.fetch(url, raise_error=False)
    given = await client.fetch(url + "?limit=5")
    good = await client.fetch(url, method="POST", body='{"qty": 2}')
    wrong = await client.fetch(url, method="POST", body='{"qty": "two"}', raise_error=False)
    print("missing arg:", missing.code, "| ?limit=5:", given.headers["Content-Type"], given.body)
    print("JSON qty=2:", good.body, "| qty='two':", wrong.code)
    assert missing.code == 400
    assert given.headers["Content-Type"].startswith("application/json")
    assert json.loads(given.body) == {"limit": "5"}  # query values are not coerced
    assert json.loads(good.body) == {"qty": 2, "type": "int"} and wrong.code == 400
    server.stop()


asyncio.run(main())
found = [m for m in ("tornado.validation", "tornado.schema", "tornado.forms") if importlib.util.find_spec(m)]
print("validation modules in tornado:", found)
assert found == []
