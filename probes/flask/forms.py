"""Flask: no form classes in core; Flask-WTF validates a WTForms form and enforces its CSRF token."""

FRAMEWORK = "flask"
CRITERION = "forms"
SHOWS = "claim"
REQUIRES = ["Flask-WTF==1.3.0", "WTForms==3.3.2"]

import re

import flask
from flask import Flask
from flask_wtf import FlaskForm
from wtforms import IntegerField, StringField
from wtforms.validators import DataRequired, NumberRange

print("form classes in flask:", [n for n in dir(flask) if "form" in n.lower()])
assert not any("form" in n.lower() for n in dir(flask))

app = Flask(__name__)
app.secret_key = "probe-secret"


class SignupForm(FlaskForm):
    name = StringField(validators=[DataRequired()])
    age = IntegerField(validators=[NumberRange(min=18)])


@app.route("/signup", methods=["GET", "POST"])
def signup():
    form = SignupForm()
    if form.validate_on_submit():
        return f"welcome {form.name.data}"
    return {"errors": form.errors, "html": form.csrf_token()}


client = app.test_client()
page = client.get("/signup").get_json()
token = re.search(r'value="([^"]+)"', page["html"]).group(1)

no_token = client.post("/signup", data={"name": "Ada", "age": "36"}).get_json()
print("without CSRF token:", no_token["errors"])
assert "csrf_token" in no_token["errors"]

too_young = client.post("/signup", data={"name": "Ada", "age": "12", "csrf_token": token}).get_json()
print("age 12:", too_young["errors"])
assert list(too_young["errors"]) == ["age"]

ok = client.post("/signup", data={"name": "Ada", "age": "36", "csrf_token": token})
print("valid:", ok.status_code, ok.get_data(as_text=True))
assert ok.get_data(as_text=True) == "welcome Ada"
