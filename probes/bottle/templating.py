"""Bottle: SimpleTemplate files with % lines, escaping, include() and rebase(), and the @view decorator."""

FRAMEWORK = "bottle"
CRITERION = "templating"
SHOWS = "presence"
REQUIRES = []

import io
import os
import tempfile
from wsgiref.util import setup_testing_defaults

import bottle

views = tempfile.mkdtemp()
files = {
    "layout.tpl": "<title>{{title}}</title>{{!base}}",
    "item.tpl": "<li>{{name}}</li>",
    "list.tpl": "% rebase('layout.tpl', title=title)\n% for n in names:\n% include('item.tpl', name=n)\n% end\n",
}
for name, text in files.items():
    with open(os.path.join(views, name), "w") as f:
        f.write(text)
bottle.TEMPLATE_PATH.insert(0, views)

html = bottle.template("list", title="Pets", names=["rex", "<tom>"])
print("template('list'):", repr(html))
assert html.replace("\n", "") == "<title>Pets</title><li>rex</li><li>&lt;tom&gt;</li>"

app = bottle.Bottle()


@app.get("/")
@bottle.view("list")
def index():
    return {"title": "Via view", "names": ["a"]}


environ = {"PATH_INFO": "/", "wsgi.input": io.BytesIO()}
setup_testing_defaults(environ)
body = b"".join(app(environ, lambda *a: None)).decode()
print("@view('list'):", repr(body))
assert body.replace("\n", "") == "<title>Via view</title><li>a</li>"
