"""Litestar: OpenAPI 3.1 from handlers and DTOs, five docs UI plugins, JSON and MessagePack responses."""

FRAMEWORK = "litestar"
CRITERION = "rest-api-tooling"
SHOWS = "claim"
REQUIRES = []

from dataclasses import dataclass

import msgspec
from litestar import Litestar, get, post
from litestar.dto import DataclassDTO, DTOConfig
from litestar.enums import MediaType
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import (
    RapidocRenderPlugin,
    RedocRenderPlugin,
    ScalarRenderPlugin,
    StoplightRenderPlugin,
    SwaggerRenderPlugin,
)
from litestar.testing import TestClient


@dataclass
class Account:
    id: int
    name: str
    password: str


class AccountOut(DataclassDTO[Account]):
    config = DTOConfig(exclude={"password"})


@post("/accounts", return_dto=AccountOut, tags=["accounts"], summary="Create an account")
async def create(data: Account) -> Account:
    return data


@get("/packed", media_type=MediaType.MESSAGEPACK)
async def packed() -> dict:
    return {"n": 1}


plugins = [
    SwaggerRenderPlugin(),
    RedocRenderPlugin(),
    StoplightRenderPlugin(),
    RapidocRenderPlugin(),
    ScalarRenderPlugin(),
]
app = Litestar([create, packed], openapi_config=OpenAPIConfig(title="Probe", version="1", render_plugins=plugins))
with TestClient(app) as client:
    schema = client.get("/schema/openapi.json").json()
    pages = {p: client.get(f"/schema/{p}") for p in ("swagger", "redoc", "elements", "rapidoc", "scalar")}
    made = client.post("/accounts", json={"id": 1, "name": "a", "password": "pw"})
    pk = client.get("/packed")
op = schema["paths"]["/accounts"]["post"]
print("openapi:", schema["openapi"], "tags:", op["tags"], "summary:", op["summary"])
print("schemas:", sorted(schema["components"]["schemas"]))
print("UI pages:", {p: (r.status_code, r.headers["content-type"]) for p, r in pages.items()})
print("DTO output:", made.json(), "| msgpack:", pk.headers["content-type"], msgspec.msgpack.decode(pk.content))
assert schema["openapi"].startswith("3.1") and op["tags"] == ["accounts"] and op["summary"] == "Create an account"
assert all(r.status_code == 200 and r.headers["content-type"].startswith("text/html") for r in pages.values())
assert made.json() == {"id": 1, "name": "a"}
assert pk.headers["content-type"].startswith("application/x-msgpack") and msgspec.msgpack.decode(pk.content) == {"n": 1}
