"""Tornado: the package ships no admin or back-office module, and no ORM for one to introspect."""

FRAMEWORK = "tornado"
CRITERION = "admin-site"
SHOWS = "claim"
REQUIRES = []

import pkgutil

import tornado

modules = sorted(m.name for m in pkgutil.walk_packages(tornado.__path__, "tornado.") if ".test" not in m.name)
print("tornado", tornado.version, "modules:", modules)
words = {"admin", "orm", "models", "database", "db", "crud", "backoffice"}
suspects = [m for m in modules if words & set(m.split(".")[1:])]
print("admin/ORM-like modules:", suspects)
assert "tornado.web" in modules  # the walk found the package's modules
assert suspects == []
