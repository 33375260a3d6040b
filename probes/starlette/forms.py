"""Starlette: core only parses form data; starlette-wtf adds WTForms classes, validation, re-rendering and CSRF."""

FRAMEWORK = "starlette"
CRITERION = "forms"
SHOWS = "claim"
REQUIRES = [
    "starlette-wtf==0.5.0",
    "wtforms==3.3.2",
    "python-multipart==0.0.34",
    "itsdangerous==2.2.0",
    "httpx==0.28.1",
    "httpx2==2.16.2",
]

import importlib.util
import re

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.responses import HTMLResponse
from starlette.routing import Route
from starlette.testclient import TestClient
from starlette_wtf import CSRFProtectMiddleware, StarletteForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length

absent = [m for m in ("starlette.forms", "starlette.widgets") if importlib.util.find_spec(m) is None]
print("absent from starlette core:", absent)
assert len(absent) == 2


class NameForm(StarletteForm):
    name = StringField("Name", validators=[DataRequired(), Length(min=3)])


async def signup(request):
    form = await NameForm.from_formdata(request)
    if await form.validate_on_submit():
        return HTMLResponse(f"welcome {form.name.data}")
    errors = "".join(f"<li>{field}: {e}</li>" for field, msgs in form.errors.items() for e in msgs)
    return HTMLResponse(f"<form method=post>{form.csrf_token()}{form.name()}<ul>{errors}</ul></form>")


app = Starlette(
    routes=[Route("/signup", signup, methods=["GET", "POST"])],
    middleware=[Middleware(SessionMiddleware, secret_key="k"), Middleware(CSRFProtectMiddleware, csrf_secret="c")],
)
client = TestClient(app)
blank = client.get("/signup")
token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', blank.text).group(1)
short = client.post("/signup", data={"name": "ab", "csrf_token": token})
no_csrf = client.post("/signup", data={"name": "abcd"})
good = client.post("/signup", data={"name": "abcd", "csrf_token": token})
print("GET form:", blank.text)
print("too short:", short.status_code, short.text)
print("no CSRF token:", no_csrf.status_code, no_csrf.text[-120:], "| valid:", good.text)
assert 'name="name"' in blank.text
assert 'value="ab"' in short.text and "at least 3" in short.text, "re-rendered with the input and the error"
assert "welcome" not in no_csrf.text and "<li>csrf_token:" in no_csrf.text and good.text == "welcome abcd"
