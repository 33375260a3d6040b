"""Flask: typed converters, method shortcuts, url_for, nested blueprints with prefixes, MethodView."""

FRAMEWORK = "flask"
CRITERION = "routing"
SHOWS = "claim"
REQUIRES = []

from flask import Blueprint, Flask, url_for
from flask.views import MethodView

app = Flask(__name__)


@app.get("/items/<int:item_id>")
def item(item_id):
    return f"item {item_id} ({type(item_id).__name__})"


api = Blueprint("api", __name__, url_prefix="/api")
v1 = Blueprint("v1", __name__, url_prefix="/v1")


@v1.route("/files/<path:name>")
def file(name):
    return f"file {name}"


class Counter(MethodView):
    def get(self):
        return "counter get"

    def post(self):
        return "counter post"


v1.add_url_rule("/counter", view_func=Counter.as_view("counter"))
api.register_blueprint(v1)
app.register_blueprint(api)

client = app.test_client()
checks = {
    "/items/42": "item 42 (int)",
    "/api/v1/files/a/b.txt": "file a/b.txt",
    "/api/v1/counter": "counter get",
}
for path, expected in checks.items():
    got = client.get(path).get_data(as_text=True)
    print(path, "->", got)
    assert got == expected
print("POST counter:", client.post("/api/v1/counter").get_data(as_text=True))
assert client.post("/api/v1/counter").get_data(as_text=True) == "counter post"
print("/items/abc ->", client.get("/items/abc").status_code, "| POST /items/1 ->", client.post("/items/1").status_code)
assert client.get("/items/abc").status_code == 404 and client.post("/items/1").status_code == 405

with app.test_request_context():
    urls = url_for("item", item_id=5), url_for("api.v1.file", name="x/y"), url_for("api.v1.counter")
print("url_for:", urls)
assert urls == ("/items/5", "/api/v1/files/x/y", "/api/v1/counter")
