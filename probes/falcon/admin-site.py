"""Falcon: the package ships no admin module and depends on no ORM to generate one from."""

FRAMEWORK = "falcon"
CRITERION = "admin-site"
SHOWS = "claim"
REQUIRES = []

import importlib.metadata
import pkgutil

import falcon

modules = [
    m.name for m in pkgutil.walk_packages(falcon.__path__, "falcon.") if not m.name.startswith("falcon.bench.")
]  # bench ships sample apps used for benchmarking
admin_like = [m for m in modules if "admin" in m.lower()]
deps = [r for r in importlib.metadata.requires("falcon") or [] if "extra ==" not in r]
print("falcon modules:", len(modules), "| admin-like:", admin_like, "| runtime requirements:", deps)
assert modules, "could not list falcon's modules"
assert admin_like == []
assert deps == []
