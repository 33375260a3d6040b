"""Falcon: no injector; collaborators go through resource constructors, req.context and @falcon.before params."""

FRAMEWORK = "falcon"
CRITERION = "dependency-injection"
SHOWS = "claim"
REQUIRES = []

import falcon
import falcon.testing

events = []


class DbSessionMiddleware:  # the FAQ pattern: per-request connection, closed in process_response
    def __init__(self):
        self.opened = 0

    def process_request(self, req, resp):
        self.opened += 1
        req.context.db = f"session-{self.opened}"

    def process_response(self, req, resp, resource, req_succeeded):
        events.append(f"closed {req.context.db}")


def load_user(req, resp, resource, params):
    params["user"] = req.get_header("X-User", default="anonymous")  # becomes a responder kwarg


class Orders:
    def __init__(self, store):  # shared collaborators are passed in by whoever builds the app
        self.store = store

    @falcon.before(load_user)
    def on_get(self, req, resp, order_id, user):
        resp.media = {"order": order_id, "store": self.store, "db": req.context.db, "user": user}


class Undeclared:
    def on_get(self, req, resp, settings):  # nothing fills a parameter the route does not provide
        resp.media = {}


def build(store):
    app = falcon.App(middleware=[DbSessionMiddleware()])
    app.add_route("/orders/{order_id}", Orders(store))
    app.add_route("/undeclared", Undeclared())
    return falcon.testing.TestClient(app)


client = build(store="postgres-store")
bodies = [client.simulate_get("/orders/1", headers={"X-User": "ada"}).json for _ in range(2)]
print("orders:", bodies, "| cleanup:", events)
assert bodies[0] == {"order": "1", "store": "postgres-store", "db": "session-1", "user": "ada"}
assert bodies[1]["db"] == "session-2" and events == ["closed session-1", "closed session-2"]
r = client.simulate_get("/undeclared")
print("responder declaring `settings`:", r.status_code, "(falcon logs the TypeError to wsgi.errors)")
assert r.status_code == 500
fake = build(store="fake-store").simulate_get("/orders/2").json  # a test builds the app with a double
print("test double:", fake)
assert fake["store"] == "fake-store" and fake["user"] == "anonymous"
