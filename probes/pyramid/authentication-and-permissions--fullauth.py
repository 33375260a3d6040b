"""Pyramid + pyramid_fullauth: user accounts in SQL, register and login pages, and a login that sets the auth ticket."""

FRAMEWORK = "pyramid"
CRITERION = "authentication-and-permissions"
SHOWS = "claim"
REQUIRES = [
    "pyramid_fullauth==3.1.0",
    "pyramid_basemodel==1.0.0",
    "pyramid_tm==2.6",
    "transaction==5.1",
    "SQLAlchemy==2.1.9",
    "WebTest==3.0.7",
]

import pyramid_basemodel
import transaction
from pyramid.config import Configurator
from pyramid_fullauth.models import User
from sqlalchemy import inspect
from webtest import TestApp

settings = {
    "sqlalchemy.url": "sqlite:///users.sqlite3",  # a file in the probe's temporary directory
    "fullauth.authtkt.secret": "probe-secret",
}
with Configurator(settings=settings) as config:
    config.include("pyramid_tm")  # commits the basemodel session at the end of each request
    config.include("pyramid_basemodel")  # binds pyramid_basemodel.Session to sqlalchemy.url
    config.include("pyramid_fullauth")  # security policy, session, routes and views
    config.add_route("me", "/me")
    config.add_view(
        lambda request: request.user.email if request.user else "anonymous", route_name="me", renderer="string"
    )
    app = config.make_wsgi_app()

engine = pyramid_basemodel.Session.get_bind()
pyramid_basemodel.Base.metadata.create_all(engine)
print("tables in users.sqlite3:", inspect(engine).get_table_names())
assert "users" in inspect(engine).get_table_names()

browser = TestApp(app, extra_environ={"REMOTE_ADDR": "127.0.0.1"})  # fullauth stores the client's address
for path in ("/register", "/login"):
    page = browser.get(path)
    print(f"GET {path}:", page.status, "forms:", {f.id: sorted(n for n in f.fields if n) for f in page.forms.values()})
    assert page.status_int == 200
register_form = browser.get("/register").forms["register_form"]
register_form["email"] = "ann@example.com"
register_form["password"] = register_form["confirm_password"] = "correct horse"
registered = register_form.submit()
print("POST /register:", registered.status, "| successfully registered:", "registered" in registered.text)
assert registered.status_int == 200 and "registered" in registered.text

with transaction.manager:
    ann = pyramid_basemodel.Session.query(User).filter(User.email == "ann@example.com").one()
    print("stored user:", ann.id, ann.email, "| password:", f"{ann.password[:12]}... ({ann._hash_algorithm}, salted)")
    assert ann.password != "correct horse" and ann.check_password("correct horse") and not ann.check_password("wrong")


def log_in(password):
    form = browser.get("/login").forms["login_form"]
    form["email"], form["password"], form["remember"] = "ann@example.com", password, True
    response = form.submit()
    tickets = [h for h in response.headers.getall("Set-Cookie") if h.startswith("auth_tkt=")]
    max_ages = [part.strip() for ticket in tickets for part in ticket.split(";") if "Max-Age" in part]
    print(f"login with {password!r}:", response.status, response.location or "", "| auth_tkt cookies:", max_ages)
    return response, tickets


wrong, tickets = log_in("wrong password")
assert wrong.status_int == 200 and "Wrong e-mail or password." in wrong.text and not tickets
assert browser.get("/me").text == "anonymous"

right, tickets = log_in("correct horse")
assert right.status_int == 303 and tickets and all("Max-Age=2592000" in t for t in tickets)  # "remember me": 30 days

me = browser.get("/me")
print("GET /me with the ticket:", me.status, me.text, "| GET /login now:", browser.get("/login").status)
assert me.text == "ann@example.com"
