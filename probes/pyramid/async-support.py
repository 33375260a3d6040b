"""Pyramid: an async def view is not awaited (its coroutine is not a response) and the app is a WSGI callable only."""

FRAMEWORK = "pyramid"
CRITERION = "async-support"
SHOWS = "claim"
REQUIRES = []

import inspect
import warnings

from pyramid.config import Configurator
from webob import Request


async def coro_view(request):
    return {"answer": "awaited result"}


with Configurator() as config:
    config.add_route("home", "/")
    config.add_view(coro_view, route_name="home", renderer="json")
    app = config.make_wsgi_app()

with warnings.catch_warnings():
    warnings.simplefilter("ignore", RuntimeWarning)  # "coroutine ... was never awaited"
    try:
        response = Request.blank("/").get_response(app)
        outcome = f"{response.status} {response.text[:80]}"
    except Exception as exc:  # the JSON renderer cannot serialise a coroutine
        outcome = f"{type(exc).__name__}: {exc}"[:120]
print("async def view ->", outcome)
assert "awaited result" not in outcome

params = list(inspect.signature(app.__call__).parameters)
print("Router.__call__ parameters:", params)
assert params == ["environ", "start_response"]
