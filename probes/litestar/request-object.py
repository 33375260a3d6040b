"""Litestar: typed parameters by name, parsed body as `data`, and `request: Request` injects the full connection."""

FRAMEWORK = "litestar"
CRITERION = "request-object"
SHOWS = "presence"
REQUIRES = ["httpx==0.27.2"]  # older releases' test clients pass app=, which httpx 0.28 removed

import litestar
from litestar import Request, post
from litestar.params import Parameter
from litestar.testing import create_test_client


@post("/echo/{item:str}")
async def echo(
    item: str,
    q: int,
    request: Request,
    data: dict,
    token: str = Parameter(header="X-Probe"),
    c: str = Parameter(cookie="c"),
) -> dict:
    return {
        "item": item,
        "q": q,
        "token": token,
        "cookie": c,
        "data": data,
        "url": str(request.url),
        "req_headers": request.headers["x-probe"],
        "req_cookies": request.cookies["c"],
        "req_query": request.query_params["q"],
        "req_path": request.path_params["item"],
        "raw_json": await request.json(),
        "client": request.client.host,
        "method": request.method,
    }


with create_test_client([echo]) as client:
    r = client.post("/echo/box?q=2", json={"a": 1}, headers={"X-Probe": "hv", "Cookie": "c=cv"})
print(r.status_code, r.json())
body = r.json()
assert body["item"] == "box" and body["q"] == 2 and body["token"] == "hv" and body["cookie"] == "cv"
assert body["data"] == {"a": 1} and body["raw_json"] == {"a": 1} and body["method"] == "POST"
assert body["url"] == "http://testserver.local/echo/box?q=2"
assert (body["req_headers"], body["req_cookies"], body["req_query"], body["req_path"]) == ("hv", "cv", "2", "box")
assert not hasattr(litestar, "request") and not hasattr(litestar, "current_request"), "no global request"
