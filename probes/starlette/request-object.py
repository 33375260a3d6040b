"""Starlette: every endpoint receives a Request exposing URL, headers, cookies, params, client, state and the body."""

FRAMEWORK = "starlette"
CRITERION = "request-object"
SHOWS = "presence"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2"]

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient


async def echo(request):
    return JSONResponse(
        {
            "is_request": isinstance(request, Request),
            "method": request.method,
            "url": str(request.url),
            "path_param": request.path_params["name"],
            "query": request.query_params["q"],
            "header": request.headers["x-probe"],
            "cookie": request.cookies["c"],
            "client": request.client.host,
            "json": await request.json(),
        }
    )


app = Starlette(routes=[Route("/echo/{name}", echo, methods=["POST"])])
r = TestClient(app).post("/echo/box?q=1", json={"a": 1}, headers={"X-Probe": "hv", "Cookie": "c=cv"})
print(r.status_code, r.json())
assert r.json() == {
    "is_request": True,
    "method": "POST",
    "url": "http://testserver/echo/box?q=1",
    "path_param": "box",
    "query": "1",
    "header": "hv",
    "cookie": "cv",
    "client": "testclient",
    "json": {"a": 1},
}
