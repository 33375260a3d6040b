"""Pyramid: tweens, NewResponse subscribers, finished callbacks; no CORS: preflights get nothing until hand-written."""

FRAMEWORK = "pyramid"
CRITERION = "middleware-and-cors"
SHOWS = "claim"
REQUIRES = []

from pyramid.config import Configurator
from pyramid.events import NewResponse
from webob import Request

log = []


def timing_tween_factory(handler, registry):
    def tween(request):
        log.append("tween in")
        request.add_finished_callback(lambda req: log.append("finished"))
        response = handler(request)
        response.headers["X-Tween"] = "yes"
        log.append("tween out")
        return response

    return tween


def make_app(hand_written_cors):
    with Configurator() as config:
        config.add_tween("__main__.timing_tween_factory")
        config.add_subscriber(lambda event: log.append("NewResponse"), NewResponse)
        config.add_route("items", "/items")
        config.add_view(lambda request: ["a"], route_name="items", renderer="json", request_method="GET")
        if hand_written_cors:  # the docs' suggestion: a second view for OPTIONS, headers set by hand
            config.add_view(preflight, route_name="items", request_method="OPTIONS")
            config.add_subscriber(add_cors_headers, NewResponse)
        return config.make_wsgi_app()


def preflight(request):
    request.response.headers.update({"Access-Control-Allow-Methods": "GET, PUT", "Access-Control-Max-Age": "600"})
    return request.response


def add_cors_headers(event):
    if event.request.headers.get("Origin") == "https://app.example":
        event.response.headers["Access-Control-Allow-Origin"] = "https://app.example"


def call(app, method, headers):
    return Request.blank("/items", method=method, headers=headers).get_response(app)


pre = {"Origin": "https://app.example", "Access-Control-Request-Method": "PUT"}
app = make_app(hand_written_cors=False)
r = call(app, "GET", {"Origin": "https://app.example"})
print("hooks:", r.headers["X-Tween"], log)
assert log == ["tween in", "tween out", "NewResponse", "finished"]
p = call(app, "OPTIONS", pre)
print(
    "Pyramid alone, preflight:", p.status, "| CORS headers:", [h for h in p.headers if h.startswith("Access-Control")]
)
assert p.status_int == 404 and not any(h.startswith("Access-Control") for h in list(p.headers) + list(r.headers))

app = make_app(hand_written_cors=True)
p, r = call(app, "OPTIONS", pre), call(app, "GET", {"Origin": "https://app.example"})
print(
    "hand-written:",
    p.status,
    {k: v for k, v in p.headers.items() if k.startswith("Access")},
    "| GET ACAO:",
    r.headers.get("Access-Control-Allow-Origin"),
)
assert (
    p.headers["Access-Control-Allow-Origin"] == "https://app.example"
    and "PUT" in p.headers["Access-Control-Allow-Methods"]
)
