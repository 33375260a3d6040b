"""Starlette: SchemaGenerator builds OpenAPI from YAML docstrings only; nothing inferred from types, no docs UI."""

FRAMEWORK = "starlette"
CRITERION = "rest-api-tooling"
SHOWS = "claim"
REQUIRES = ["pyyaml==6.0.3", "httpx==0.28.1", "httpx2==2.16.2"]

import importlib.util

import yaml
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.schemas import SchemaGenerator
from starlette.testclient import TestClient

schemas = SchemaGenerator({"openapi": "3.0.0", "info": {"title": "Probe", "version": "1.0"}})


async def list_users(request):
    """
    responses:
      200:
        description: A list of users.
    """
    return JSONResponse([{"name": "ann"}])


async def typed_but_undocumented(request, limit: int = 10) -> JSONResponse:
    return JSONResponse({"limit": limit})


def openapi(request):
    return schemas.OpenAPIResponse(request=request)


app = Starlette(
    routes=[
        Route("/users", list_users, methods=["GET"]),
        Route("/typed", typed_but_undocumented, methods=["GET"]),
        Route("/schema", openapi, include_in_schema=False),
    ]
)
client = TestClient(app)
r = client.get("/schema")
doc = yaml.safe_load(r.text)
print("schema status:", r.status_code, r.headers["content-type"])
print("schema paths:", doc["paths"])
assert doc["paths"] == {"/users": {"get": {"responses": {200: {"description": "A list of users."}}}}}
docs = client.get("/docs")
absent = [
    m for m in ("starlette.docs", "starlette.openapi", "starlette.serializers") if importlib.util.find_spec(m) is None
]
print("/docs:", docs.status_code, "absent modules:", absent)
assert docs.status_code == 404 and len(absent) == 3
