"""Falcon: 4.x (1.0+ since 2016) lists CPython 3.9-3.14, and an alias deprecated in 3.0 still works with a warning."""

FRAMEWORK = "falcon"
CRITERION = "maturity-and-release-policy"
SHOWS = "claim"
REQUIRES = []

import importlib.metadata
import sys
import warnings

import falcon
import falcon.testing
from falcon.util.deprecation import DeprecatedWarning

meta = importlib.metadata.metadata("falcon")
classifiers = meta.get_all("Classifier")
pythons = [c.rsplit(" ", 1)[1] for c in classifiers if c.startswith("Programming Language :: Python :: 3.")]
print(
    "falcon", falcon.__version__, "| Requires-Python", meta["Requires-Python"], "| running on", sys.version.split()[0]
)
print("Python classifiers:", pythons, "| free-threading:", any("Free Threading" in c for c in classifiers))
assert int(falcon.__version__.split(".")[0]) >= 1
assert meta["Requires-Python"] == ">=3.9"  # 4.x still installs on 3.9
assert {"3.9", "3.10", "3.11", "3.12", "3.13", "3.14"} <= set(pythons)
assert any("PyPy" in c for c in classifiers)


class Hello:
    def on_get(self, req, resp):
        resp.text = "hi"


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    legacy = falcon.API()  # the pre-3.0 name: deprecated in 3.0, to be removed in 5.0
legacy.add_route("/", Hello())
r = falcon.testing.TestClient(legacy).simulate_get("/")
messages = [str(w.message) for w in caught if issubclass(w.category, DeprecatedWarning)]
print("falcon.API():", r.status_code, r.text, "| warning:", messages)
assert r.text == "hi" and isinstance(legacy, falcon.App)
assert any("removed in Falcon 5.0" in m for m in messages)
