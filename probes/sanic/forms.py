"""Sanic: request.form/files parse submissions and sanic-ext's @validate(form=...) checks them; no CSRF."""

FRAMEWORK = "sanic"
CRITERION = "forms"
SHOWS = "claim"
REQUIRES = [
    "sanic-testing==24.6.0",
    "sanic-ext==25.12.0",
    "pydantic==2.14.3",
]  # sanic-ext 25.12.0 imports pydantic without declaring it

from dataclasses import dataclass

import sanic
from sanic import Sanic
from sanic.response import json
from sanic_ext import validate

app = Sanic("probe_forms", configure_logging=False)


@app.post("/upload")
async def upload(request):
    doc = request.files.get("doc")
    return json({"tags": request.form.getlist("tag"), "file": [doc.name, doc.body.decode()]})


@dataclass
class Signup:
    name: str
    age: int


@app.post("/signup")
@validate(form=Signup)
async def signup(request, body: Signup):
    return json({"name": body.name, "age": body.age})


_, up = app.test_client.post("/upload", data={"tag": ["a", "b"]}, files={"doc": ("note.txt", b"file body")})
_, good = app.test_client.post("/signup", data={"name": "ann", "age": "30"})
_, bad = app.test_client.post("/signup", data={"name": "ann", "age": "old"})
print("multipart:", up.status, up.json)
print("valid form:", good.status, good.json, "| invalid form:", bad.status)
assert up.json == {"tags": ["a", "b"], "file": ["note.txt", "file body"]}
assert good.json == {"name": "ann", "age": 30}
assert bad.status == 400
assert not any(hasattr(sanic, n) for n in ("Form", "csrf", "CSRFProtect"))
