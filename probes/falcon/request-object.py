"""Falcon: responders receive explicit req/resp; typed param getters reject bad input with 400."""

FRAMEWORK = "falcon"
CRITERION = "request-object"
SHOWS = "claim"
REQUIRES = []

import falcon
import falcon.testing


class Stamp:
    def process_request(self, req, resp):
        req.context.stamp = "mw"


class Orders:
    def on_post(self, req, resp, order_id):
        resp.media = {
            "order_id": order_id,
            "limit": req.get_param_as_int("limit", required=True, min_value=1),
            "agent": req.get_header("User-Agent"),
            "cookie": req.cookies.get("k"),
            "stamp": req.context.stamp,
            "body": req.get_media(),
        }
        resp.status = falcon.HTTP_201


app = falcon.App(middleware=[Stamp()])
app.add_route("/orders/{order_id:int}", Orders())
client = falcon.testing.TestClient(app)

ok = client.simulate_post(
    "/orders/5", params={"limit": "3"}, json={"a": 1}, headers={"User-Agent": "probe", "Cookie": "k=v"}
)
print("good:", ok.status, ok.json)
assert ok.status_code == 201
assert ok.json == {"order_id": 5, "limit": 3, "agent": "probe", "cookie": "v", "stamp": "mw", "body": {"a": 1}}
bad = client.simulate_post("/orders/5", params={"limit": "many"}, json={})
print("bad limit:", bad.status, bad.json)
assert bad.status_code == 400
