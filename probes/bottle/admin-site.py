"""Bottle: the framework ships no admin interface and no model layer an admin could introspect."""

FRAMEWORK = "bottle"
CRITERION = "admin-site"
SHOWS = "claim"
REQUIRES = []

import importlib.metadata
import inspect

import bottle

# Bottle is one module; list everything it ships and look for an admin, CRUD or model layer.
files = [str(f) for f in importlib.metadata.files("bottle") if str(f).endswith(".py") and not str(f).startswith("..")]
suspects = [name for name in dir(bottle) if any(w in name.lower() for w in ("admin", "crud", "model"))]
source = inspect.getsource(bottle).lower()
print("python files in the distribution:", files)
print("admin/crud/model names:", suspects, "| 'admin' in source:", "admin" in source)
assert files == ["bottle.py"]
assert suspects == []
assert "admin" not in source
