"""FastAPI: declaring a Request parameter injects Starlette's request object explicitly; there is no global request."""

FRAMEWORK = "fastapi"
CRITERION = "request-object"
SHOWS = "presence"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2"]

import fastapi
import starlette.requests
from fastapi import Depends, FastAPI, Request
from fastapi.testclient import TestClient

app = FastAPI()


def client_host(request: Request):
    return request.client.host


@app.post("/echo/{item}")
async def echo(item: str, request: Request, host: str = Depends(client_host)):
    request.state.seen = True
    return {
        "is_starlette": isinstance(request, starlette.requests.Request),
        "path_item": request.path_params["item"],
        "q": request.query_params["q"],
        "header": request.headers["x-probe"],
        "cookie": request.cookies["c"],
        "json": await request.json(),
        "url": str(request.url),
        "host_from_dependency": host,
        "state": request.state.seen,
    }


client = TestClient(app)
r = client.post("/echo/box?q=1", json={"a": 1}, headers={"X-Probe": "hv", "Cookie": "c=cv"})
print(r.status_code, r.json())
assert r.json() == {
    "is_starlette": True,
    "path_item": "box",
    "q": "1",
    "header": "hv",
    "cookie": "cv",
    "json": {"a": 1},
    "url": "http://testserver/echo/box?q=1",
    "host_from_dependency": "testclient",
    "state": True,
}
print("global request names in fastapi:", [n for n in dir(fastapi) if n in ("request", "current_request", "g")])
assert not hasattr(fastapi, "request") and not hasattr(fastapi, "current_request")
