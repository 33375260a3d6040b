"""Quart: core only parses form bodies; Quart-WTForms validates a WTForms form and checks its CSRF token."""

FRAMEWORK = "quart"
CRITERION = "forms"
SHOWS = "claim"
REQUIRES = ["Quart-WTForms==1.0.3", "WTForms==3.3.2"]

import asyncio
import re

import quart
from quart import Quart, request
from quart_wtf import QuartForm
from wtforms import IntegerField, StringField
from wtforms.validators import DataRequired, NumberRange

form_classes = [n for n in dir(quart) if "form" in n.lower() and isinstance(getattr(quart, n), type)]
print("form classes in quart:", form_classes)
assert form_classes == []

app = Quart(__name__)
app.secret_key = "probe-secret"


class SignupForm(QuartForm):
    name = StringField(validators=[DataRequired()])
    age = IntegerField(validators=[NumberRange(min=18)])


@app.route("/raw", methods=["POST"])
async def raw():
    return dict(await request.form)


@app.route("/signup", methods=["GET", "POST"])
async def signup():
    form = await SignupForm.create_form()
    if await form.validate_on_submit():
        return f"welcome {form.name.data}"
    return {"errors": form.errors, "html": str(form.csrf_token())}


async def main():
    client = app.test_client()
    raw_data = await (await client.post("/raw", form={"age": "twelve"})).get_json()
    print("core, parsed but unvalidated:", raw_data)
    assert raw_data == {"age": "twelve"}

    page = await (await client.get("/signup")).get_json()
    token = re.search(r'value="([^"]+)"', page["html"]).group(1)
    no_token = await (await client.post("/signup", form={"name": "Ada", "age": "36"})).get_json()
    print("without CSRF token:", no_token["errors"])
    assert "csrf_token" in no_token["errors"]
    young = await (await client.post("/signup", form={"name": "Ada", "age": "12", "csrf_token": token})).get_json()
    print("age 12:", young["errors"])
    assert list(young["errors"]) == ["age"]
    ok = await client.post("/signup", form={"name": "Ada", "age": "36", "csrf_token": token})
    text = await ok.get_data(as_text=True)
    print("valid:", ok.status_code, text)
    assert text == "welcome Ada"


asyncio.run(main())
