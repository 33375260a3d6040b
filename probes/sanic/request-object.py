"""Sanic: the Request is the first handler argument, with json, args, headers, cookies, token and a ctx namespace."""

FRAMEWORK = "sanic"
CRITERION = "request-object"
SHOWS = "presence"
REQUIRES = ["sanic-testing==24.6.0"]

from sanic import Request, Sanic
from sanic.response import json

app = Sanic("probe_request", configure_logging=False)


@app.on_request
async def tag(request):
    request.ctx.tag = "set-by-middleware"


@app.post("/items/<item>")
async def echo(request, item):
    assert isinstance(request, Request)
    return json(
        {
            "item": item,
            "q": request.args.get("q"),
            "header": request.headers.get("x-probe"),
            "cookie": request.cookies.get("c"),
            "token": request.token,
            "body": request.json,
            "tag": request.ctx.tag,
        }
    )


_, response = app.test_client.post(
    "/items/42?q=x",
    json={"a": 1},
    headers={"X-Probe": "yes", "Cookie": "c=choc", "Authorization": "Bearer tok123"},
)
print(response.status, response.json)
assert response.json == {
    "item": "42",
    "q": "x",
    "header": "yes",
    "cookie": "choc",
    "token": "tok123",
    "body": {"a": 1},
    "tag": "set-by-middleware",
}
