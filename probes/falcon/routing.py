"""Falcon: URI templates with int/uuid/dt/float/path converters, suffixed responders and sinks; no url reversing."""

FRAMEWORK = "falcon"
CRITERION = "routing"
SHOWS = "claim"
REQUIRES = []

import falcon
import falcon.testing


class Items:
    def on_get(self, req, resp):
        resp.media = {"list": True}

    def on_get_item(self, req, resp, item_id):
        resp.media = {"item": item_id}


class Typed:
    def on_get(self, req, resp, **fields):
        types = sorted(type(v).__name__ for v in fields.values())
        resp.media = {k: str(v) for k, v in fields.items()} | {"types": types}


def legacy_sink(req, resp, **kwargs):
    resp.text = "sink caught " + req.path


app = falcon.App()
app.add_route("/items", Items())
app.add_route("/items/{item_id:int(min=1)}", Items(), suffix="item")
app.add_route("/t/{u:uuid}/{d:dt('%Y-%m-%d')}/{f:float}", Typed())
app.add_route("/files/{p:path}", Typed())
app.add_sink(legacy_sink, "/legacy")
client = falcon.testing.TestClient(app)

checks = [
    ("/items", {"list": True}),
    ("/items/42", {"item": 42}),
    ("/files/a/b/c.txt", {"p": "a/b/c.txt", "types": ["str"]}),
]
for path, expected in checks:
    got = client.simulate_get(path).json
    print(path, "->", got)
    assert got == expected
typed = client.simulate_get("/t/5e0d2e26-6d56-4a7e-9d0a-2d1b0f9b3c11/2024-10-01/2.5").json
print("uuid/dt/float ->", typed)
assert typed["types"] == ["UUID", "datetime", "float"]
print("/items/0 ->", client.simulate_get("/items/0").status, "| /legacy/x ->", client.simulate_get("/legacy/x").text)
assert client.simulate_get("/items/0").status_code == 404
assert client.simulate_get("/legacy/x").text == "sink caught /legacy/x"

reversing = [n for n in ("url_for", "reverse", "Blueprint") if hasattr(app, n) or hasattr(falcon, n)]
print("reverse-lookup or blueprint helpers:", reversing)
assert reversing == []
