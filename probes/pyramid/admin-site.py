"""Pyramid: no module of the pyramid package generates admin or CRUD screens."""

FRAMEWORK = "pyramid"
CRITERION = "admin-site"
SHOWS = "claim"
REQUIRES = []

import pkgutil

import pyramid

modules = [m.name for m in pkgutil.walk_packages(pyramid.__path__, "pyramid.")]
suspects = [m for m in modules if any(w in m.lower() for w in ("admin", "crud", "model", "orm"))]
print(f"{len(modules)} modules in pyramid; admin/crud/model-like ones:", suspects)
assert len(modules) > 20  # the walk really saw the package
assert suspects == []
