"""Starlette: 1.x requires Python 3.11+; 1.0 removed the 0.x deprecated APIs, and newer deprecations still warn."""

FRAMEWORK = "starlette"
CRITERION = "maturity-and-release-policy"
SHOWS = "claim"
REQUIRES = []

import asyncio
import importlib.metadata
import inspect
import sys
import warnings

import starlette
from starlette.applications import Starlette
from starlette.exceptions import StarletteDeprecationWarning

meta = importlib.metadata.metadata("starlette")
pythons = [
    c.rsplit(" ", 1)[1] for c in meta.get_all("Classifier") if c.startswith("Programming Language :: Python :: 3.")
]
print("starlette", starlette.__version__, "| Requires-Python", meta["Requires-Python"], "| classifiers", pythons)
print("running on", sys.version.split()[0])
assert starlette.__version__.startswith("1.")
assert meta["Requires-Python"] == ">=3.11" and {"3.11", "3.12", "3.13", "3.14"} <= set(pythons)

# Deprecated during 0.x and removed in 1.0: on_startup/on_shutdown and the decorator-style registration methods.
params = inspect.signature(Starlette.__init__).parameters
removed = {name: hasattr(Starlette, name) for name in ("route", "websocket_route", "add_event_handler", "on_event")}
print("on_startup parameter:", "on_startup" in params, "| methods still present:", removed)
assert "on_startup" not in params and "on_shutdown" not in params and not any(removed.values())

# A 1.x deprecation: still works, with a StarletteDeprecationWarning.
from starlette.concurrency import run_until_first_complete


async def quick():
    return None


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    asyncio.run(run_until_first_complete((quick, {})))
messages = [f"{w.category.__name__}: {w.message}" for w in caught]
print("deprecated helper:", messages)
assert any(issubclass(w.category, StarletteDeprecationWarning) for w in caught)
print("StarletteDeprecationWarning bases:", [c.__name__ for c in StarletteDeprecationWarning.__mro__[1:3]])
assert issubclass(StarletteDeprecationWarning, UserWarning)  # shown by default, unlike DeprecationWarning
