"""aiohttp: aiohttp.test_utils ships TestServer/TestClient, AioHTTPTestCase and make_mocked_request."""

FRAMEWORK = "aiohttp"
CRITERION = "testing-support"
SHOWS = "presence"
REQUIRES = []

import asyncio
import unittest

from aiohttp import web
from aiohttp.test_utils import AioHTTPTestCase, TestClient, TestServer, make_mocked_request


async def hello(request):
    return web.Response(text="hi " + request.query.get("name", "?"))


def make_app():
    app = web.Application()
    app.router.add_get("/", hello)
    return app


async def with_client():
    async with TestClient(TestServer(make_app())) as client:
        r = await client.get("/?name=probe")
        return r.status, await r.text()


status, text = asyncio.run(with_client())
print("TestClient:", status, text)
assert (status, text) == (200, "hi probe")

mocked = make_mocked_request("GET", "/?name=mock")
direct = asyncio.run(hello(mocked))
print("make_mocked_request:", direct.text)
assert direct.text == "hi mock"


class HelloCase(AioHTTPTestCase):
    async def get_application(self):
        return make_app()

    async def test_hello(self):
        r = await self.client.get("/?name=case")
        self.assertEqual(await r.text(), "hi case")


result = unittest.TextTestRunner(verbosity=2).run(unittest.defaultTestLoader.loadTestsFromTestCase(HelloCase))
print("AioHTTPTestCase run:", result.testsRun, "failures:", len(result.failures), "errors:", len(result.errors))
assert result.testsRun == 1 and result.wasSuccessful()
