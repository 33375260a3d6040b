"""Quart: awaited Jinja rendering with inheritance, an async context processor, autoescaping and streaming."""

FRAMEWORK = "quart"
CRITERION = "templating"
SHOWS = "claim"
REQUIRES = []

import asyncio
import os
import tempfile

from quart import Quart, g, render_template, stream_template

folder = tempfile.mkdtemp()
files = {
    "base.html": "<title>{% block title %}{% endblock %}</title>{% block body %}{% endblock %}",
    "page.html": (
        '{% extends "base.html" %}{% block title %}{{ config.SITE }}{% endblock %}'
        "{% block body %}{{ who|shout }} {{ request.path }} {{ g.user }} {{ motto }}{% endblock %}"
    ),
}
for name, text in files.items():
    with open(os.path.join(folder, name), "w") as fh:
        fh.write(text)

app = Quart(__name__, template_folder=folder)
app.config["SITE"] = "Probe"
app.add_template_filter(lambda s: s.upper(), "shout")


@app.context_processor
async def add_motto():
    await asyncio.sleep(0)
    return {"motto": "async-ctx"}


@app.get("/page")
async def page():
    g.user = "ada"
    return await render_template("page.html", who="<i>hi</i>")


@app.get("/stream")
async def stream():
    g.user = "bob"
    return await stream_template("page.html", who="s")


async def main():
    client = app.test_client()
    html = await (await client.get("/page")).get_data(as_text=True)
    print("rendered:", html)
    assert html == "<title>Probe</title>&lt;I&gt;HI&lt;/I&gt; /page ada async-ctx"
    streamed = await (await client.get("/stream")).get_data(as_text=True)
    print("streamed:", streamed)
    assert streamed == "<title>Probe</title>S /stream bob async-ctx"


asyncio.run(main())
