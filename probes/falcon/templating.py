"""Falcon: no template engine, render helper or Jinja2 dependency; HTML is set on resp.text by hand."""

FRAMEWORK = "falcon"
CRITERION = "templating"
SHOWS = "claim"
REQUIRES = []

import html
import importlib.metadata
import pkgutil

import falcon
import falcon.testing

modules = [
    m.name for m in pkgutil.walk_packages(falcon.__path__, "falcon.") if not m.name.startswith("falcon.bench.")
]  # bench ships sample apps used for benchmarking
template_like = [m for m in modules if "templat" in m or "render" in m]
deps = [r for r in importlib.metadata.requires("falcon") or [] if "extra ==" not in r]
helpers = [n for n in ("render", "render_template", "template") if hasattr(falcon.Response, n) or hasattr(falcon, n)]
print("template modules:", template_like, "| runtime deps:", deps, "| render helpers:", helpers)
assert template_like == [] and not any("jinja" in d.lower() for d in deps) and helpers == []


class Page:
    def on_get(self, req, resp):
        resp.content_type = falcon.MEDIA_HTML
        resp.text = f"<p>{html.escape(req.get_param('name'))}</p>"  # escaping is the app's job


app = falcon.App()
app.add_route("/", Page())
page = falcon.testing.TestClient(app).simulate_get("/", params={"name": "<b>x</b>"})
print("hand-rendered:", page.headers["Content-Type"], page.text)
assert page.text == "<p>&lt;b&gt;x&lt;/b&gt;</p>"
