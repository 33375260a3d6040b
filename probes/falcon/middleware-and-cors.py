"""Falcon: middleware wraps each request (request/resource/response), and CORSMiddleware answers preflights."""

FRAMEWORK = "falcon"
CRITERION = "middleware-and-cors"
SHOWS = "claim"
REQUIRES = []

import falcon
import falcon.testing

calls = []


class Trace:
    def process_request(self, req, resp):
        calls.append("request")

    def process_resource(self, req, resp, resource, params):
        calls.append(f"resource {type(resource).__name__} {params}")

    def process_response(self, req, resp, resource, req_succeeded):
        calls.append(f"response ok={req_succeeded}")
        resp.set_header("X-Wrapped", "yes")


class Items:
    def on_get(self, req, resp, item):
        calls.append("responder")
        resp.media = {"item": item}

    def on_post(self, req, resp, item):
        resp.media = {"created": item}


PREFLIGHT = {"Origin": "https://app.example", "Access-Control-Request-Method": "POST"}
plain = falcon.App(middleware=[Trace()])
plain.add_route("/items/{item}", Items())
r = falcon.testing.TestClient(plain).simulate_get("/items/7")
print("GET:", r.status_code, r.headers["X-Wrapped"], calls)
assert calls == ["request", "resource Items {'item': '7'}", "responder", "response ok=True"]
pre = falcon.testing.TestClient(plain).simulate_options("/items/7", headers=PREFLIGHT)
print("preflight without CORS:", pre.status_code, pre.headers.get("Access-Control-Allow-Origin"))
assert "Access-Control-Allow-Origin" not in pre.headers

cors = falcon.CORSMiddleware(allow_origins=["https://app.example"], allow_credentials="*", expose_headers=["X-Wrapped"])
app = falcon.App(middleware=[cors, Trace()])
app.add_route("/items/{item}", Items())
client = falcon.testing.TestClient(app)
pre = client.simulate_options("/items/7", headers={**PREFLIGHT, "Access-Control-Request-Headers": "X-Token"})
got = {k: v for k, v in pre.headers.items() if k.lower().startswith("access-control")}
print("CORSMiddleware preflight:", pre.status_code, got)
assert got["access-control-allow-origin"] == "https://app.example" and "POST" in got["access-control-allow-methods"]
actual = client.simulate_post("/items/7", headers={"Origin": "https://app.example"})
other = client.simulate_post("/items/7", headers={"Origin": "https://evil.example"})
print(
    "POST from allowed / other origin:",
    actual.headers.get("Access-Control-Allow-Origin"),
    other.headers.get("Access-Control-Allow-Origin"),
)
assert actual.headers["Access-Control-Allow-Origin"] == "https://app.example"
assert "Access-Control-Allow-Origin" not in other.headers

blanket = falcon.testing.TestClient(falcon.App(cors_enable=True)).simulate_get(
    "/", headers={"Origin": "https://x.example"}
)
print("cors_enable=True:", blanket.headers.get("Access-Control-Allow-Origin"))
assert blanket.headers["Access-Control-Allow-Origin"] == "*"
try:
    falcon.App(cors_enable=True, middleware=[cors])
except ValueError as exc:
    print("both at once:", exc)
else:
    raise AssertionError("cors_enable with CORSMiddleware was accepted")
