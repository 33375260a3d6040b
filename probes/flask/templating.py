"""Flask: Jinja templates with inheritance, macros, a custom filter, request/g/config in context, streaming."""

FRAMEWORK = "flask"
CRITERION = "templating"
SHOWS = "claim"
REQUIRES = []

import os
import tempfile

from flask import Flask, g, render_template, stream_template

folder = tempfile.mkdtemp()
files = {
    "base.html": "<title>{% block title %}{% endblock %}</title>{% block body %}{% endblock %}",
    "macros.html": "{% macro tag(x) %}<b>{{ x }}</b>{% endmacro %}",
    "page.html": (
        '{% extends "base.html" %}{% import "macros.html" as m %}'
        "{% block title %}{{ config.SITE }}{% endblock %}"
        "{% block body %}{{ m.tag(who|shout) }} {{ request.path }} {{ g.user }}{% endblock %}"
    ),
}
for name, text in files.items():
    with open(os.path.join(folder, name), "w") as fh:
        fh.write(text)

app = Flask(__name__, template_folder=folder)
app.config["SITE"] = "Probe"
app.add_template_filter(lambda s: s.upper() + "!", "shout")


@app.route("/page")
def page():
    g.user = "ada"
    return render_template("page.html", who="<i>hi</i>")


@app.route("/stream")
def stream():
    g.user = "bob"
    return stream_template("page.html", who="s")


client = app.test_client()
html = client.get("/page").get_data(as_text=True)
print("rendered:", html)
assert html == "<title>Probe</title><b>&lt;I&gt;HI&lt;/I&gt;!</b> /page ada"
streamed = client.get("/stream")
print("streamed:", streamed.is_streamed, streamed.get_data(as_text=True))
assert streamed.get_data(as_text=True) == "<title>Probe</title><b>S!</b> /stream bob"
