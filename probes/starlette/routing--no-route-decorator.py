"""Starlette: since 1.0 the @app.route decorator is gone; routes are declared as lists."""

FRAMEWORK = "starlette"
CRITERION = "routing"
SHOWS = "claim"
REQUIRES = []

import importlib.metadata

from starlette.applications import Starlette
from starlette.routing import Router

version = importlib.metadata.version("starlette")
decorators = {
    name: hasattr(Starlette, name) or hasattr(Router, name)
    for name in ("route", "websocket_route", "add_route", "add_websocket_route")
}
print("starlette", version, "decorator / add_* methods present:", decorators)
assert not decorators["route"] and not decorators["websocket_route"], "@app.route / @app.websocket_route are gone"
