"""Bottle ships no database layer, and its bottle-sqlite plugin no longer works on Python 3.11 and later."""

FRAMEWORK = "bottle"
CRITERION = "database-layer"
SHOWS = "claim"
REQUIRES = ["bottle-sqlite==0.2.0"]

import io
import sys
from wsgiref.util import setup_testing_defaults

import bottle
import bottle_sqlite

database_names = sorted(name for name in dir(bottle) if "sql" in name.lower() or name.lower() in {"db", "orm"})
print("database-like names in bottle:", database_names)
assert database_names == [], "bottle has grown a database layer"

app = bottle.Bottle()
app.install(bottle_sqlite.Plugin(dbfile=":memory:"))


@app.get("/")
def index(db):
    return str(db.execute("SELECT 1").fetchone()[0])


errors = io.StringIO()  # where Bottle writes the traceback of a failed request
environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/", "wsgi.input": io.BytesIO(), "wsgi.errors": errors}
setup_testing_defaults(environ)
status = []
body = b"".join(app(environ, lambda line, headers, exc_info=None: status.append(line))).decode()
print(f"Python {sys.version.split()[0]}: GET / -> {status[0]}")
if sys.version_info >= (3, 11):
    # The plugin calls inspect.getargspec, which Python 3.11 removed.
    assert status[0].startswith("500") and "getargspec" in errors.getvalue(), errors.getvalue()[-300:]
    print(errors.getvalue().strip().splitlines()[-1])
else:
    assert status[0] == "200 OK" and body == "1", body[-300:]
