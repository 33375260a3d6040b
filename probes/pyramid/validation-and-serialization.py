"""Pyramid + Cornice/Colander: core JSON does not validate; a Colander schema yields structured 400s."""

FRAMEWORK = "pyramid"
CRITERION = "validation-and-serialization"
SHOWS = "claim"
REQUIRES = ["cornice==6.1.0", "colander==2.0"]

import datetime

import colander
from cornice import Service
from cornice.validators import colander_body_validator
from pyramid.config import Configurator
from pyramid.renderers import JSON
from webob import Request


class Order(colander.MappingSchema):
    sku = colander.SchemaNode(colander.String(), validator=colander.Regex(r"^[A-Z]{3}-\d+$"))
    quantity = colander.SchemaNode(colander.Integer(), validator=colander.Range(min=1))


orders = Service(name="orders", path="/orders")


@orders.post(schema=Order(), validators=(colander_body_validator,))
def create(request):
    return {"order": request.validated}


def unchecked(request):
    return {"got": request.json_body, "at": datetime.date(2026, 1, 2)}


with Configurator() as config:
    json_renderer = JSON()
    json_renderer.add_adapter(datetime.date, lambda value, request: value.isoformat())
    config.add_renderer("json", json_renderer)
    config.include("cornice")
    config.add_cornice_service(orders)
    config.add_route("plain", "/plain")
    config.add_view(unchecked, route_name="plain", renderer="json", request_method="POST")
    app = config.make_wsgi_app()

plain = Request.blank("/plain", method="POST", json={"quantity": "lots"}).get_response(app)
print("core view, no schema:", plain.status, plain.json)
assert plain.json == {"got": {"quantity": "lots"}, "at": "2026-01-02"}  # accepted unchecked; date via adapter
bad = Request.blank("/orders", method="POST", json={"sku": "nope", "quantity": 0}).get_response(app)
print("Cornice + Colander, bad input:", bad.status, bad.json)
assert bad.status_int == 400 and {e["name"] for e in bad.json["errors"]} == {"sku", "quantity"}
good = Request.blank("/orders", method="POST", json={"sku": "ABC-1", "quantity": "2"}).get_response(app)
print("good input:", good.status, good.json)
assert good.json == {"order": {"sku": "ABC-1", "quantity": 2}}
