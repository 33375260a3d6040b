"""Starlette: no schema layer: annotations are ignored, input is read raw, JSONResponse only encodes plain data."""

FRAMEWORK = "starlette"
CRITERION = "validation-and-serialization"
SHOWS = "claim"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2"]

import datetime

from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient


async def typed(request):
    body = await request.json()
    qty: int = request.query_params["qty"]
    return JSONResponse({"body": body, "qty": qty, "qty_type": type(qty).__name__, "id": request.path_params["id"]})


async def model_out(request):
    return JSONResponse({"when": datetime.date(2024, 1, 2)})


app = Starlette(routes=[Route("/t/{id:int}", typed, methods=["POST"]), Route("/m", model_out)])
client = TestClient(app, raise_server_exceptions=False)
r = client.post("/t/3?qty=lots", json={"age": "not a number"})
print("unvalidated input:", r.status_code, r.json())
assert r.status_code == 200 and r.json() == {"body": {"age": "not a number"}, "qty": "lots", "qty_type": "str", "id": 3}
bad_path = client.post("/t/x", json={})
print("path convertor on non-int:", bad_path.status_code)
assert bad_path.status_code == 404, "convertors only match/convert, there is no validation error report"
m = client.get("/m")
print("JSONResponse with a date:", m.status_code)
assert m.status_code == 500, "JSONResponse cannot encode a date: values must be converted first"
