"""Sanic: typed path parameters arrive converted, url_for reverses names, versioned blueprints add a /v1 prefix."""

FRAMEWORK = "sanic"
CRITERION = "routing"
SHOWS = "presence"
REQUIRES = ["sanic-testing==24.6.0"]

import uuid

from sanic import Blueprint, Sanic
from sanic.response import json

app = Sanic("probe_routing", configure_logging=False)
bp = Blueprint("api", url_prefix="/api", version=1)


@app.get("/posts/<pk:int>", name="post")
async def post(request, pk):
    return json({"pk": pk, "type": type(pk).__name__, "self": request.app.url_for("post", pk=pk)})


@app.get("/things/<tid:uuid>")
async def thing(request, tid):
    return json({"type": type(tid).__name__})


@bp.get("/ping")
async def ping(request):
    return json("pong")


app.blueprint(bp)

_, ok = app.test_client.get("/posts/7")
_, bad = app.test_client.get("/posts/seven")
_, u = app.test_client.get(f"/things/{uuid.uuid4()}")
_, versioned = app.test_client.get("/v1/api/ping")
print("/posts/7", ok.json, "| /posts/seven", bad.status, "| uuid", u.json, "| /v1/api/ping", versioned.status)
assert ok.json == {"pk": 7, "type": "int", "self": "/posts/7"}
assert bad.status == 404
assert u.json == {"type": "UUID"}
assert versioned.json == "pong"
