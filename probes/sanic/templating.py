"""Sanic: not in core; sanic-ext with Jinja2 renders templates through @app.ext.template with HTML autoescaping."""

FRAMEWORK = "sanic"
CRITERION = "templating"
SHOWS = "claim"
REQUIRES = [
    "sanic-testing==24.6.0",
    "sanic-ext==25.12.0",
    "Jinja2==3.1.6",
    "pydantic==2.14.3",
]  # sanic-ext 25.12.0 imports pydantic without declaring it

import importlib.util
import os

from sanic import Sanic

assert importlib.util.find_spec("sanic.templating") is None and importlib.util.find_spec("sanic.template") is None

os.makedirs("templates", exist_ok=True)
with open("templates/page.html", "w") as f:
    f.write("<p>Hello {{ name }}</p>")

app = Sanic("probe_templates", configure_logging=False)
app.config.TEMPLATING_PATH_TO_TEMPLATES = "templates"


@app.get("/")
@app.ext.template("page.html")
async def page(request):
    return {"name": request.args.get("name")}


_, r = app.test_client.get("/", params={"name": "<script>"})
print(r.status, r.headers["content-type"], r.text)
assert r.text == "<p>Hello &lt;script&gt;</p>"
