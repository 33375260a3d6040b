"""FastAPI: still 0.x (any minor may break, so pin), requiring Python 3.11+ and listing current Pythons through 3.14."""

FRAMEWORK = "fastapi"
CRITERION = "maturity-and-release-policy"
SHOWS = "claim"
REQUIRES = ["httpx==0.28.1", "httpx2==2.16.2"]

import importlib.metadata
import sys
import warnings

import fastapi
from fastapi import FastAPI
from fastapi.testclient import TestClient

meta = importlib.metadata.metadata("fastapi")
pythons = sorted(
    (c.rsplit(" ", 1)[1] for c in meta.get_all("Classifier") if c.startswith("Programming Language :: Python :: 3.")),
    key=lambda v: tuple(map(int, v.split("."))),
)
print("fastapi", fastapi.__version__, "| Requires-Python", meta["Requires-Python"], "| classifiers", pythons)
print("running on", sys.version.split()[0])
assert fastapi.__version__.startswith("0."), "pre-1.0: SemVer lets any minor release break"
assert meta["Requires-Python"] == ">=3.11"
assert {"3.11", "3.12", "3.13", "3.14"} <= set(pythons)

# Deprecated APIs are kept with a warning rather than removed at once: on_event gave way to lifespan.
app = FastAPI()
events = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    app.on_event("startup")(lambda: events.append("startup"))
with TestClient(app):
    pass
messages = [" ".join(str(w.message).split())[:90] for w in caught if issubclass(w.category, DeprecationWarning)]
print("on_event:", events, "| warning:", messages)
assert events == ["startup"] and any("deprecated" in m.lower() for m in messages)
