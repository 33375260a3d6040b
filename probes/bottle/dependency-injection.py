"""Bottle: a plugin can inject a per-request resource into callbacks that ask for its keyword; nothing else is."""

FRAMEWORK = "bottle"
CRITERION = "dependency-injection"
SHOWS = "claim"
REQUIRES = []

import inspect
from wsgiref.util import setup_testing_defaults

import bottle

events = []


class DbPlugin:
    """The bottle-sqlite pattern: inject `keyword` if the callback asks for it, clean up afterwards."""

    name = "db"
    api = 2

    def __init__(self, keyword="db", prefix="conn"):
        self.keyword, self.prefix = keyword, prefix
        self.opened = 0

    def apply(self, callback, route):
        if self.keyword not in inspect.signature(route.callback).parameters:
            return callback  # routes that do not ask are left alone

        def wrapper(*args, **kwargs):
            self.opened += 1
            handle = f"{self.prefix}-{self.opened}"
            kwargs[self.keyword] = handle
            try:
                return callback(*args, **kwargs)
            finally:
                events.append(f"closed {handle}")

        return wrapper


def get(app, path):
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path}
    setup_testing_defaults(environ)
    status = []
    body = b"".join(app(environ, lambda s, h, e=None: status.append(s)))
    return status[0][:3], body.decode()


app = bottle.Bottle()
app.install(DbPlugin())


def show_item(item, db):
    return f"{item} via {db}"


app.get("/items/<item>", callback=show_item)
app.get("/plain", callback=lambda: "no db asked for")
app.get("/skipped", callback=lambda db: "unreachable", skip=["db"])
app.get("/user", callback=lambda current_user: "unreachable")  # nothing resolves other parameters

results = {path: get(app, path) for path in ("/items/a", "/items/b", "/plain", "/skipped", "/user")}
for path, (status, body) in results.items():
    print(path, status, body if status == "200" else "(error page)")
assert results["/items/a"] == ("200", "a via conn-1") and results["/items/b"] == ("200", "b via conn-2")
assert results["/plain"] == ("200", "no db asked for")
assert results["/skipped"][0] == "500" and results["/user"][0] == "500"  # skipped plugin / unknown parameter
print("cleanup events:", events)
assert events == ["closed conn-1", "closed conn-2"]


test_app = bottle.Bottle()  # a test installs a different plugin instance
test_app.install(DbPlugin(prefix="fake"))
test_app.get("/items/<item>", callback=show_item)
double = get(test_app, "/items/t")
print("test double:", double)
assert double == ("200", "t via fake-1")
