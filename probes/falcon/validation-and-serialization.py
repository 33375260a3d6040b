"""Falcon: media handlers parse and serialize JSON but do not validate; SpecTree validates with a Pydantic model."""

FRAMEWORK = "falcon"
CRITERION = "validation-and-serialization"
SHOWS = "claim"
REQUIRES = ["spectree==3.0.0", "pydantic==2.14.3"]

import falcon
import falcon.testing
from pydantic import BaseModel
from spectree import SpecTree


class Person(BaseModel):
    name: str
    age: int


api = SpecTree("falcon")


class Raw:
    def on_post(self, req, resp):
        resp.media = {"received": req.get_media()}


class Checked:
    @api.validate(json=Person)
    def on_post(self, req, resp):
        person = req.context.json
        resp.media = {"name": person.name, "next_age": person.age + 1}


app = falcon.App()
app.add_route("/raw", Raw())
app.add_route("/checked", Checked())
client = falcon.testing.TestClient(app)

raw = client.simulate_post("/raw", json={"age": "old"})
print("core, bad data:", raw.status, raw.json)
assert raw.status_code == 200
bad = client.simulate_post("/checked", json={"age": "old"})
print("SpecTree, bad data:", bad.status, str(bad.json)[:200])
assert bad.status_code == 422
good = client.simulate_post("/checked", json={"name": "Ada", "age": 36})
print("SpecTree, good data:", good.status, good.json)
assert good.json == {"name": "Ada", "next_age": 37}
