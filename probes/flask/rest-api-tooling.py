"""Flask: core returns dicts as JSON but has no OpenAPI; flask-smorest generates an OpenAPI document."""

FRAMEWORK = "flask"
CRITERION = "rest-api-tooling"
SHOWS = "claim"
REQUIRES = ["flask-smorest==0.47.0", "marshmallow==4.4.0", "apispec==6.10.1", "webargs==8.7.1"]

import marshmallow as ma
from flask import Flask
from flask.views import MethodView
from flask_smorest import Api, Blueprint

plain = Flask("plain")


@plain.get("/pets")
def plain_pets():
    return {"core": "json"}


client = plain.test_client()
plain_resp = client.get("/pets")
print("plain dict view:", plain_resp.content_type, plain_resp.get_json())
assert plain_resp.get_json() == {"core": "json"}
print("core /openapi.json:", client.get("/openapi.json").status_code)
assert client.get("/openapi.json").status_code == 404

app = Flask("api")
app.config.update(API_TITLE="Probe", API_VERSION="1", OPENAPI_VERSION="3.0.3", OPENAPI_URL_PREFIX="/")
blp = Blueprint("pets", __name__, url_prefix="/pets")


class PetSchema(ma.Schema):
    name = ma.fields.String(required=True)


@blp.route("/")
class Pets(MethodView):
    @blp.response(200, PetSchema(many=True))
    def get(self):
        return [{"name": "Rex"}]


Api(app).register_blueprint(blp)
client = app.test_client()
spec = client.get("/openapi.json").get_json()
print("paths:", list(spec["paths"]), "| schemas:", list(spec["components"]["schemas"]))
assert "/pets/" in spec["paths"] and "Pet" in spec["components"]["schemas"]
print("GET /pets/:", client.get("/pets/").get_json())
assert client.get("/pets/").get_json() == [{"name": "Rex"}]
