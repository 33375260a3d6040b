"""aiohttp: json_response and web.View in core; aiohttp-apischema builds an OpenAPI schema and serves Swagger UI."""

FRAMEWORK = "aiohttp"
CRITERION = "rest-api-tooling"
SHOWS = "claim"
REQUIRES = ["aiohttp-apischema==0.0.2", "pydantic==2.14.3"]

import asyncio

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from aiohttp_apischema import APIResponse, SchemaGenerator

SCHEMA = SchemaGenerator()


@SCHEMA.api_view()
class Items(web.View):
    async def get(self) -> APIResponse[list[int]]:
        """List items."""
        return APIResponse([1, 2])


async def main():
    app = web.Application()
    app.router.add_view("/items", Items)
    SCHEMA.setup(app)
    async with TestClient(TestServer(app)) as client:
        items = await client.get("/items")
        schema = await (await client.get("/schema")).json()
        swagger = await client.get("/swagger/")
        print("GET /items:", items.status, items.content_type, await items.json())
        print("schema:", schema.get("openapi"), schema.get("paths"))
        print("swagger UI:", swagger.status, swagger.content_type)
        assert await items.json() == [1, 2] and items.content_type == "application/json"
        assert schema["openapi"].startswith("3.")
        assert "get" in schema["paths"]["/items"]
        assert swagger.status == 200 and swagger.content_type == "text/html"


asyncio.run(main())
