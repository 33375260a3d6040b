"""Quart: the package ships no admin interface module and no admin dependency."""

FRAMEWORK = "quart"
CRITERION = "admin-site"
SHOWS = "claim"
REQUIRES = []

import importlib.metadata
import pkgutil

import quart

modules = [m.name for m in pkgutil.walk_packages(quart.__path__, "quart.")]
admin_like = [m for m in modules if "admin" in m.lower()]
deps = [r.split(";")[0].strip() for r in importlib.metadata.requires("quart") or []]
print("quart modules:", len(modules), "| admin-like:", admin_like)
print("quart requirements:", deps)
assert modules, "could not list quart's modules"
assert admin_like == []
assert not any("admin" in d.lower() for d in deps)
