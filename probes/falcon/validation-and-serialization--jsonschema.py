"""Falcon: the built-in jsonschema validate decorator rejects a request body that breaks its schema."""

FRAMEWORK = "falcon"
CRITERION = "validation-and-serialization"
SHOWS = "claim"
REQUIRES = ["jsonschema==4.26.0"]

import falcon
import falcon.testing
from falcon.media.validators import jsonschema

PERSON = {
    "type": "object",
    "properties": {"name": {"type": "string"}, "age": {"type": "integer"}},
    "required": ["name", "age"],
}


class People:
    @jsonschema.validate(req_schema=PERSON)
    def on_post(self, req, resp):
        body = req.get_media()
        resp.media = {"hello": body["name"]}


app = falcon.App()
app.add_route("/people", People())
client = falcon.testing.TestClient(app)
bad = client.simulate_post("/people", json={"name": "Ada", "age": "old"})
print("invalid body:", bad.status, bad.json)
assert bad.status_code == 400
good = client.simulate_post("/people", json={"name": "Ada", "age": 36})
print("valid body:", good.status, good.json)
assert good.json == {"hello": "Ada"}
