"""Flask: 3.1.x (1.0+ since 2018), Production/Stable, Python 3.9+; a deprecated API still works, with a warning."""

FRAMEWORK = "flask"
CRITERION = "maturity-and-release-policy"
SHOWS = "claim"
REQUIRES = []

import importlib.metadata
import sys
import warnings

import flask

meta = importlib.metadata.metadata("flask")
version = importlib.metadata.version("flask")
print(
    "flask",
    version,
    "| Requires-Python",
    meta["Requires-Python"],
    "|",
    [c for c in meta.get_all("Classifier") if "Status" in c],
)
print("running on", sys.version.split()[0])
major, feature, fix = (int(p) for p in version.split(".")[:3])
assert major >= 1, "past 1.0"
assert meta["Requires-Python"] == ">=3.9", "3.1 requires Python 3.9 or later"
assert "Development Status :: 5 - Production/Stable" in meta.get_all("Classifier")

# Pallets policy: deprecate with a warning in one feature release, remove in a later one.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    legacy = flask.__version__  # deprecated in 3.0
messages = [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)]
print("flask.__version__ ->", legacy, "| warning:", messages)
assert legacy == version and any("deprecated and will be removed in Flask 3.2" in m for m in messages)
assert (major, feature) < (3, 2), "still present in the feature release after the one that deprecated it"
