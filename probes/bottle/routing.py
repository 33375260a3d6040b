"""Bottle: wildcard filters (int/float/path/re/custom), get_url() and sub-apps via mount() and merge()."""

FRAMEWORK = "bottle"
CRITERION = "routing"
SHOWS = "presence"
REQUIRES = []

import io
import json
from wsgiref.util import setup_testing_defaults

import bottle

app = bottle.Bottle()
app.router.add_filter("yesno", lambda conf: (r"yes|no", lambda v: v == "yes", lambda v: "yes" if v else "no"))


def show(**kwargs):
    return {k: [type(v).__name__, v] for k, v in kwargs.items()}


app.route("/item/<id:int>", callback=show, name="item")
app.route("/price/<x:float>", callback=show)
app.route("/files/<rest:path>", callback=show)
app.route("/tag/<slug:re:[a-z-]+>", callback=show)
app.route("/flag/<on:yesno>", callback=show)

blog = bottle.Bottle()
blog.route("/post/<n:int>", callback=show)
app.mount("/blog", blog)
extra = bottle.Bottle()
extra.route("/about", callback=lambda: {"page": "about"})
app.merge(extra)


def get(path):
    environ = {"PATH_INFO": path, "wsgi.input": io.BytesIO()}
    setup_testing_defaults(environ)
    out = []
    body = b"".join(app(environ, lambda s, h, e=None: out.append(s)))
    return json.loads(body) if out[0].startswith("200") else out[0]


checks = {
    "/item/42": {"id": ["int", 42]},
    "/price/9.5": {"x": ["float", 9.5]},
    "/files/a/b.txt": {"rest": ["str", "a/b.txt"]},
    "/tag/hello-world": {"slug": ["str", "hello-world"]},
    "/flag/yes": {"on": ["bool", True]},
    "/blog/post/7": {"n": ["int", 7]},
    "/about": {"page": "about"},
    "/item/abc": "404 Not Found",
}
for path, expected in checks.items():
    print(path, "->", get(path))
    assert get(path) == expected
print("get_url('item', id=5):", app.get_url("item", id=5))
assert app.get_url("item", id=5) == "/item/5"
