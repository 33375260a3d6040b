"""Sanic: with sanic-ext installed every route appears in an OpenAPI 3 document served beside Swagger UI and Redoc."""

FRAMEWORK = "sanic"
CRITERION = "rest-api-tooling"
SHOWS = "claim"
REQUIRES = [
    "sanic-testing==24.6.0",
    "sanic-ext==25.12.0",
    "pydantic==2.14.3",
]  # sanic-ext 25.12.0 imports pydantic without declaring it

from sanic import Sanic
from sanic.response import json
from sanic.views import HTTPMethodView
from sanic_ext import openapi

app = Sanic("probe_openapi", configure_logging=False)


class Items(HTTPMethodView):
    @openapi.summary("List items")
    async def get(self, request):
        return json([1, 2])

    async def post(self, request):
        return json(request.json, status=201)


app.add_route(Items.as_view(), "/items")

_, items = app.test_client.get("/items")
_, spec = app.test_client.get("/docs/openapi.json")
_, swagger = app.test_client.get("/docs/swagger")
_, redoc = app.test_client.get("/docs/redoc")
doc = spec.json
print(
    "GET /items:", items.json, "| openapi:", doc["openapi"], "paths:", {p: sorted(v) for p, v in doc["paths"].items()}
)
print(
    "swagger:", swagger.status, swagger.headers["content-type"], "| redoc:", redoc.status, redoc.headers["content-type"]
)
assert doc["openapi"].startswith("3.")
assert doc["paths"]["/items"]["get"]["summary"] == "List items" and "post" in doc["paths"]["/items"]
assert swagger.status == 200 and "html" in swagger.headers["content-type"]
assert redoc.status == 200 and "html" in redoc.headers["content-type"]
