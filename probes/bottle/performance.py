"""Bottle: the framework is one module with no required dependencies (the basis of its lightweight core)."""

FRAMEWORK = "bottle"
CRITERION = "performance"
SHOWS = "claim"
REQUIRES = []

import importlib.metadata

requires = importlib.metadata.requires("bottle") or []
modules = [str(f) for f in importlib.metadata.files("bottle") if str(f).endswith(".py") and not str(f).startswith("..")]
print("declared dependencies:", requires, "| python modules:", modules)
assert [r for r in requires if "extra ==" not in r] == []
assert modules == ["bottle.py"]
