"""Pyramid + Cornice: a Service declares REST endpoints with CORS handling and a 405 for undeclared methods."""

FRAMEWORK = "pyramid"
CRITERION = "rest-api-tooling"
SHOWS = "claim"
REQUIRES = ["cornice==6.1.0"]

from cornice import Service
from pyramid.config import Configurator
from webob import Request

pets = Service(name="pets", path="/pets", cors_origins=("https://app.example",))
store = []


@pets.get()
def list_pets(request):
    return {"pets": store}


@pets.post()
def add_pet(request):
    store.append(request.json_body["name"])
    return {"added": request.json_body["name"]}


with Configurator() as config:
    config.include("cornice")
    config.add_cornice_service(pets)
    app = config.make_wsgi_app()

added = Request.blank("/pets", method="POST", json={"name": "rex"}).get_response(app)
listed = Request.blank("/pets", headers={"Origin": "https://app.example"}).get_response(app)
print("POST:", added.status, added.json, "| GET:", listed.json, listed.headers.get("Access-Control-Allow-Origin"))
assert listed.json == {"pets": ["rex"]} and listed.headers["Access-Control-Allow-Origin"] == "https://app.example"
deleted = Request.blank("/pets", method="DELETE").get_response(app)
print("DELETE (not declared):", deleted.status)
assert deleted.status_int == 405
