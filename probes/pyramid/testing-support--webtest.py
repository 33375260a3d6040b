"""Pyramid + WebTest: TestApp drives the whole WSGI app (forms, cookies, status checks) without a server."""

FRAMEWORK = "pyramid"
CRITERION = "testing-support"
SHOWS = "claim"
REQUIRES = ["WebTest==3.0.7"]

from pyramid.config import Configurator
from webtest import TestApp


def login(request):
    request.response.set_cookie("user", request.POST["name"])
    return "ok"


with Configurator() as config:
    config.add_route("login", "/login")
    config.add_route("hello", "/hello")
    config.add_view(login, route_name="login", renderer="string", request_method="POST")
    config.add_view(lambda r: f"hello {r.cookies.get('user', 'nobody')}", route_name="hello", renderer="string")
    client = TestApp(config.make_wsgi_app())

client.post("/login", {"name": "ann"})
page = client.get("/hello")
print("WebTest:", page.status, page.text, "| 404:", client.get("/nope", status=404).status)
assert page.text == "hello ann"
