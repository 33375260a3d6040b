"""FastAPI: OpenAPI 3.1 schema from routes and models, Swagger UI and ReDoc pages, no Accept-based negotiation."""

FRAMEWORK = "fastapi"
CRITERION = "rest-api-tooling"
SHOWS = "claim"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2"]

from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel

app = FastAPI(title="Probe API")


class ItemIn(BaseModel):
    name: str
    secret: str


class ItemOut(BaseModel):
    name: str


@app.post("/items", response_model=ItemOut, status_code=201, tags=["items"])
def create_item(item: ItemIn):
    """Create an item."""
    return item


client = TestClient(app)
schema = client.get("/openapi.json").json()
op = schema["paths"]["/items"]["post"]
print("openapi:", schema["openapi"], "tags:", op["tags"], "responses:", sorted(op["responses"]))
print("schemas:", sorted(schema["components"]["schemas"]))
assert schema["openapi"].startswith("3.1")
assert op["tags"] == ["items"] and op["description"] == "Create an item." and "201" in op["responses"]
assert {"ItemIn", "ItemOut"} <= set(schema["components"]["schemas"])
docs, redoc = client.get("/docs"), client.get("/redoc")
print("/docs:", docs.status_code, "swagger-ui" in docs.text, "/redoc:", redoc.status_code, "redoc" in redoc.text)
assert docs.status_code == 200 and "swagger-ui" in docs.text
assert redoc.status_code == 200 and "redoc" in redoc.text.lower()
r = client.post("/items", json={"name": "n", "secret": "s"}, headers={"Accept": "application/xml"})
print("created:", r.status_code, r.headers["content-type"], r.json())
assert r.json() == {"name": "n"}, "the response model acts as serializer and drops the secret"
assert r.headers["content-type"] == "application/json", "Accept: application/xml is ignored: JSON regardless"
