"""Pyramid + pyramid_jinja2: core has no .jinja2 renderer; the binding renders an autoescaped template."""

FRAMEWORK = "pyramid"
CRITERION = "templating"
SHOWS = "claim"
REQUIRES = ["pyramid_jinja2==2.10.1"]

import os
import tempfile

from pyramid.config import Configurator
from webob import Request

root = tempfile.mkdtemp()
template = os.path.join(root, "hello.jinja2")
with open(template, "w") as f:
    f.write("<h1>{{ title }}</h1>{% for p in pets %}[{{ p }}]{% endfor %}")


def make_app(with_jinja2):
    with Configurator() as config:
        if with_jinja2:
            config.include("pyramid_jinja2")
        config.add_route("home", "/")
        data = {"title": "Pets & <co>", "pets": ["rex", "tom"]}
        config.add_view(lambda request: data, route_name="home", renderer=template)
        return config.make_wsgi_app()


try:
    core = Request.blank("/").get_response(make_app(False)).text
except ValueError as exc:  # no renderer factory is registered for .jinja2
    core = f"{type(exc).__name__}: {str(exc).splitlines()[0][:100]}"
print("core alone:", core)
assert "No such renderer factory .jinja2" in core
page = Request.blank("/").get_response(make_app(True))
print("with pyramid_jinja2:", page.status, page.text)
assert page.text == "<h1>Pets &amp; &lt;co&gt;</h1>[rex][tom]"
