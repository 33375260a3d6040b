"""Sanic: neither sanic nor the official Sanic Extensions plugin ships an admin or back-office module."""

FRAMEWORK = "sanic"
CRITERION = "admin-site"
SHOWS = "claim"
REQUIRES = ["sanic-ext==25.12.0", "pydantic==2.14.3"]  # sanic-ext 25.12.0 imports pydantic without declaring it

import pkgutil

import sanic
import sanic_ext
import sanic_ext.extensions

words = {"admin", "orm", "database", "db", "crud", "backoffice"}  # sanic.models holds typing helpers only
found = {}
for pkg in (sanic, sanic_ext):
    names = sorted(m.name for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."))
    found[pkg.__name__] = [n for n in names if words & set(n.split(".")[1:])]
    print(pkg.__name__, len(names), "modules; admin/ORM-like:", found[pkg.__name__])
    assert len(names) > 10
print("sanic_ext extensions:", sorted(m.name for m in pkgutil.iter_modules(sanic_ext.extensions.__path__)))
assert found == {"sanic": [], "sanic_ext": []}
