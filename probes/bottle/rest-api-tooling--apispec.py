"""Bottle + apispec-webframeworks: the Bottle plugin turns a route and its YAML docstring into an OpenAPI path."""

FRAMEWORK = "bottle"
CRITERION = "rest-api-tooling"
SHOWS = "claim"
REQUIRES = ["apispec==6.10.1", "apispec-webframeworks==1.2.0", "PyYAML==6.0.4"]

import bottle
from apispec import APISpec
from apispec_webframeworks.bottle import BottlePlugin


@bottle.route("/pets/<name>")
def pet(name):
    """Fetch one pet.
    ---
    get:
      summary: Fetch one pet by name
      responses:
        200:
          description: the pet
    """
    return {"name": name}


spec = APISpec(title="Pets", version="1.0", openapi_version="3.0.3", plugins=[BottlePlugin()])
spec.path(view=pet)
document = spec.to_dict()
print("paths:", document["paths"])
assert document["paths"]["/pets/{name}"]["get"]["summary"] == "Fetch one pet by name"
