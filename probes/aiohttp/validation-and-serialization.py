"""aiohttp: core only parses; aiohttp-apischema validates a typed body before the handler runs (400)."""

FRAMEWORK = "aiohttp"
CRITERION = "validation-and-serialization"
SHOWS = "claim"
REQUIRES = ["aiohttp-apischema==0.0.2", "pydantic==2.14.3"]

import asyncio
from typing import Literal, TypedDict

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from aiohttp_apischema import APIResponse, SchemaGenerator

SCHEMA = SchemaGenerator()


class Order(TypedDict):
    item: str
    qty: int


@SCHEMA.api()
async def create(request: web.Request, body: Order) -> APIResponse[Order, Literal[201]]:
    return APIResponse(body, status=201)


async def raw(request):
    data = await request.json()
    return web.json_response({"qty_type": type(data["qty"]).__name__})


async def main():
    app = web.Application()
    app.router.add_post("/orders", create)
    app.router.add_post("/raw", raw)
    SCHEMA.setup(app)
    async with TestClient(TestServer(app)) as client:
        good = await client.post("/orders", json={"item": "pen", "qty": 3})
        bad = await client.post("/orders", json={"item": "pen", "qty": "many"})
        missing = await client.post("/orders", json={"item": "pen"})
        plain = await client.post("/raw", json={"qty": "3"})
        print("valid:", good.status, await good.json())
        print("qty='many':", bad.status, (await bad.text())[:200])
        print("missing qty:", missing.status, "| core handler, no validation:", await plain.json())
        assert good.status == 201 and await good.json() == {"item": "pen", "qty": 3}
        assert bad.status == 400 and missing.status == 400
        assert await plain.json() == {"qty_type": "str"}


asyncio.run(main())
