"""FastAPI: @app.middleware("http") wraps requests; fastapi.middleware.cors answers preflights."""

FRAMEWORK = "fastapi"
CRITERION = "middleware-and-cors"
SHOWS = "presence"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2"]

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.middleware.httpsredirect import HTTPSRedirectMiddleware
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from fastapi.testclient import TestClient

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["https://app.example"], allow_methods=["GET", "PUT"], max_age=600)


@app.middleware("http")
async def stamp(request: Request, call_next):
    response = await call_next(request)  # before: the request; after: the response
    response.headers["X-Seen-By"] = "stamp:" + request.url.path
    return response


@app.get("/items")
def items():
    return ["a"]


client = TestClient(app)
r = client.get("/items", headers={"Origin": "https://app.example"})
print("simple:", r.status_code, r.json(), {k: v for k, v in r.headers.items() if k.startswith(("x-", "access"))})
assert r.headers["x-seen-by"] == "stamp:/items"
assert r.headers["access-control-allow-origin"] == "https://app.example"

pre = {"Origin": "https://app.example", "Access-Control-Request-Method": "PUT"}
p = client.options("/items", headers=pre)
print(
    "preflight:", p.status_code, p.headers.get("access-control-allow-methods"), p.headers.get("access-control-max-age")
)
assert p.status_code == 200 and "PUT" in p.headers["access-control-allow-methods"]
assert p.headers["access-control-max-age"] == "600"

bad = client.options("/items", headers={**pre, "Origin": "https://evil.example"})
print("preflight from another origin:", bad.status_code, bad.headers.get("access-control-allow-origin"))
assert bad.status_code == 400 and "access-control-allow-origin" not in bad.headers
print("also re-exported:", GZipMiddleware.__name__, HTTPSRedirectMiddleware.__name__, TrustedHostMiddleware.__name__)
