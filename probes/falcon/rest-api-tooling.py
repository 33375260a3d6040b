"""Falcon: core lists routes but serves no OpenAPI; SpecTree generates the document and Swagger/Redoc pages."""

FRAMEWORK = "falcon"
CRITERION = "rest-api-tooling"
SHOWS = "claim"
REQUIRES = ["spectree==3.0.0", "pydantic==2.14.3"]

import falcon
import falcon.inspect
import falcon.testing
from pydantic import BaseModel
from spectree import Response, SpecTree


class Pet(BaseModel):
    name: str
    age: int


api = SpecTree("falcon", title="Probe API", version="1")


class Pets:
    @api.validate(json=Pet, resp=Response(HTTP_201=Pet))
    def on_post(self, req, resp):
        resp.media = req.context.json.model_dump()
        resp.status = falcon.HTTP_201


app = falcon.App()
app.add_route("/pets", Pets())
client = falcon.testing.TestClient(app)

routes = [(r.path, [m.method for m in r.methods if not m.internal]) for r in falcon.inspect.inspect_routes(app)]
print("falcon.inspect routes:", routes)
assert routes == [("/pets", ["POST"])]
print("core /apidoc/openapi.json:", client.simulate_get("/apidoc/openapi.json").status)
assert client.simulate_get("/apidoc/openapi.json").status_code == 404

api.register(app)
spec = client.simulate_get("/apidoc/openapi.json").json
print("paths:", list(spec["paths"]), "| openapi:", spec["openapi"])
assert "post" in spec["paths"]["/pets"]
for page in ("/apidoc/swagger", "/apidoc/redoc"):
    result = client.simulate_get(page)
    print(page, result.status, result.headers.get("Content-Type"))
    assert result.status_code == 200 and "html" in result.headers["Content-Type"]
