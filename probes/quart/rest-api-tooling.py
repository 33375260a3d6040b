"""Quart: core returns dicts as JSON but has no OpenAPI; Quart-Schema serves an OpenAPI document and docs pages."""

FRAMEWORK = "quart"
CRITERION = "rest-api-tooling"
SHOWS = "claim"
REQUIRES = ["quart-schema==0.25.0", "pydantic==2.14.3"]

import asyncio
from dataclasses import dataclass

from quart import Quart


@dataclass
class Pet:
    name: str
    age: int


plain = Quart("plain")


@plain.get("/pets")
async def plain_pets():
    return {"pets": ["Rex"]}


async def main():
    client = plain.test_client()
    r = await client.get("/pets")
    print("core dict view:", r.content_type, await r.get_json())
    assert await r.get_json() == {"pets": ["Rex"]}
    print("core /openapi.json:", (await client.get("/openapi.json")).status_code)
    assert (await client.get("/openapi.json")).status_code == 404

    from quart_schema import QuartSchema, validate_request

    app = Quart("api")
    QuartSchema(app)

    @app.post("/pets")
    @validate_request(Pet)
    async def create(data: Pet):
        return {"created": data.name}, 201

    client = app.test_client()
    spec = await (await client.get("/openapi.json")).get_json()
    print("paths:", list(spec["paths"]), "| schemas:", list(spec.get("components", {}).get("schemas", {})))
    assert "post" in spec["paths"]["/pets"]
    assert "Pet" in str(spec["paths"]["/pets"]["post"]["requestBody"]) or "Pet" in spec["components"]["schemas"]
    for page in ("/docs", "/redocs", "/scalar"):
        resp = await client.get(page)
        print(page, resp.status_code, resp.content_type)
        assert resp.status_code == 200 and "html" in resp.content_type


asyncio.run(main())
