"""Bottle + WTForms: request.forms.decode() feeds a WTForms form that validates and re-renders with errors."""

FRAMEWORK = "bottle"
CRITERION = "forms"
SHOWS = "claim"
REQUIRES = ["WTForms==3.3.2"]

import io
from urllib.parse import urlencode
from wsgiref.util import setup_testing_defaults

import bottle
from wtforms import Form, IntegerField, StringField, validators


class SignupForm(Form):
    email = StringField("Email", [validators.Regexp(r".+@.+")])
    age = IntegerField("Age", [validators.NumberRange(min=18)])


app = bottle.Bottle()


@app.post("/signup")
def signup():
    form = SignupForm(bottle.request.forms.decode())
    if form.validate():
        return f"welcome {form.email.data}, {form.age.data}"
    bottle.response.status = 400
    return f"{form.email()} {form.errors}"


def post(fields):
    body = urlencode(fields).encode()
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/signup",
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
    }
    setup_testing_defaults(environ)
    status = []
    out = b"".join(app(environ, lambda s, h, e=None: status.append(s))).decode()
    return status[0], out


bad = post({"email": "nope", "age": "12"})
print("invalid:", bad)
assert bad[0].startswith("400") and 'value="nope"' in bad[1] and "age" in bad[1]
good = post({"email": "ann@example.com", "age": "30"})
print("valid:", good)
assert good == ("200 OK", "welcome ann@example.com, 30")
