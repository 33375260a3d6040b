"""Litestar: no admin in the package; Piccolo Admin, mounted as an ASGI app, administers Piccolo ORM tables."""

FRAMEWORK = "litestar"
CRITERION = "admin-site"
SHOWS = "claim"
REQUIRES = ["piccolo-admin==1.14.0", "piccolo[sqlite]==1.38.0"]

import importlib.util

from litestar import Litestar, asgi
from litestar.testing import TestClient
from litestar.types import Receive, Scope, Send
from piccolo.apps.user.tables import BaseUser
from piccolo.columns import Varchar
from piccolo.engine.sqlite import SQLiteEngine
from piccolo.table import Table
from piccolo_admin.endpoints import create_admin
from piccolo_api.session_auth.tables import SessionsBase

absent = [
    m
    for m in ("litestar.admin", "litestar.contrib.admin", "litestar.plugins.admin")
    if importlib.util.find_spec(m) is None
]
print("admin modules absent from litestar:", absent)
assert len(absent) == 3

DB = SQLiteEngine(path="probe_admin.sqlite")


class Movie(Table, db=DB):
    title = Varchar(length=80)


class User(BaseUser, tablename="probe_user", db=DB):
    pass


class Sessions(SessionsBase, tablename="probe_sessions", db=DB):
    pass


for table in (Movie, User, Sessions):
    table.create_table(if_not_exists=True).run_sync()
Movie.insert(Movie(title="Probe Movie")).run_sync()
User.create_user_sync(username="admin", password="probe-pass-123", active=True, admin=True, superuser=True)

admin_app = create_admin(tables=[Movie], auth_table=User, session_table=Sessions)


@asgi("/admin", is_mount=True, copy_scope=True)
async def admin(scope: Scope, receive: Receive, send: Send) -> None:
    await admin_app(scope, receive, send)


with TestClient(Litestar([admin])) as client:
    index = client.get("/admin/")
    anon = client.get("/admin/api/tables/")
    token = client.cookies.get("csrftoken")
    login = client.post(
        "/admin/public/login/",
        json={"username": "admin", "password": "probe-pass-123"},
        headers={"X-CSRFToken": token or ""},
    )
    tables = client.get("/admin/api/tables/")
    rows = client.get("/admin/api/tables/movie/")
print("index:", index.status_code, index.headers.get("content-type"), "| anonymous API:", anon.status_code)
print("login:", login.status_code, "| tables:", tables.status_code, tables.text, "| rows:", rows.text[:200])
assert index.status_code == 200 and anon.status_code == 401
assert login.status_code == 200 and tables.json() == ["movie"]
assert rows.json()["rows"][0]["title"] == "Probe Movie"
