"""Sanic: sanic-ext's @validate checks JSON against a Pydantic model (400 on failure) and injects the parsed object."""

FRAMEWORK = "sanic"
CRITERION = "validation-and-serialization"
SHOWS = "claim"
REQUIRES = ["sanic-testing==24.6.0", "sanic-ext==25.12.0", "pydantic==2.14.3"]

from pydantic import BaseModel
from sanic import Sanic
from sanic.response import json
from sanic_ext import validate

app = Sanic("probe_validation", configure_logging=False)


class Order(BaseModel):
    item: str
    qty: int


@app.post("/orders")
@validate(json=Order)
async def create(request, body: Order):
    return json({"type": type(body).__name__, "item": body.item, "qty": body.qty}, status=201)


@app.post("/raw")
async def raw(request):
    return json({"qty_type": type(request.json["qty"]).__name__})


_, good = app.test_client.post("/orders", json={"item": "pen", "qty": "3"})
_, bad = app.test_client.post("/orders", json={"item": "pen"})
_, plain = app.test_client.post("/raw", json={"qty": "3"})
print("valid:", good.status, good.json, "| missing qty:", bad.status, "| core without validate:", plain.json)
assert good.status == 201 and good.json == {"type": "Order", "item": "pen", "qty": 3}
assert bad.status == 400
assert plain.json == {"qty_type": "str"}  # core parses only
