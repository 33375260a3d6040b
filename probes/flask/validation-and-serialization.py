"""Flask: core parses JSON but does not validate it; webargs + marshmallow reject an invalid body with 422."""

FRAMEWORK = "flask"
CRITERION = "validation-and-serialization"
SHOWS = "claim"
REQUIRES = ["webargs==8.7.1", "marshmallow==4.4.0"]

from flask import Flask, request
from webargs import fields
from webargs.flaskparser import use_args

app = Flask(__name__)


@app.post("/raw")
def raw():
    return {"received": request.get_json(), "page": request.args.get("page", type=int)}


@app.post("/checked")
@use_args({"name": fields.Str(required=True), "age": fields.Int(required=True)}, location="json")
def checked(args):
    return {"name": args["name"], "next_age": args["age"] + 1}


client = app.test_client()
raw_resp = client.post("/raw?page=x", json={"age": "not a number"})
print("core, bad data:", raw_resp.status_code, raw_resp.get_json())
assert raw_resp.status_code == 200 and raw_resp.get_json()["page"] is None

bad = client.post("/checked", json={"age": "old"})
print("webargs, bad data:", bad.status_code, bad.get_data(as_text=True)[:200])
assert bad.status_code == 422

good = client.post("/checked", json={"name": "Ada", "age": "36"})
print("webargs, good data:", good.status_code, good.get_json())
assert good.get_json() == {"name": "Ada", "next_age": 37}
