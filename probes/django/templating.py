"""Django: the template language does inheritance, filters and autoescaping; a Jinja2 backend ships in core."""

FRAMEWORK = "django"
CRITERION = "templating"
SHOWS = "presence"
REQUIRES = ["Jinja2==3.1.6"]

import django
from django.conf import settings

pages = {
    "base.html": "<title>{% block title %}Site{% endblock %}</title>{% block body %}{% endblock %}",
    "page.html": (
        "{% extends 'base.html' %}{% block title %}{{ block.super }} | {{ name|title }}{% endblock %}"
        "{% block body %}{% for t in tags %}[{{ t|upper }}]{% endfor %} {{ html }}{% endblock %}"
    ),
}
settings.configure(
    TEMPLATES=[
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {"loaders": [("django.template.loaders.locmem.Loader", pages)]},
        },
        {"BACKEND": "django.template.backends.jinja2.Jinja2", "NAME": "jinja", "OPTIONS": {}},
    ]
)
django.setup()

from django.template import engines
from django.template.loader import render_to_string

out = render_to_string("page.html", {"name": "ada lovelace", "tags": ["a", "b"], "html": "<b>x</b>"}, using="django")
print("DTL:", out)
assert out == "<title>Site | Ada Lovelace</title>[A][B] &lt;b&gt;x&lt;/b&gt;"

jinja = engines["jinja"]
out = jinja.from_string("{% for i in range(3) %}{{ i * 2 }}{% endfor %} {{ v }}").render({"v": "<i>"})
print("Jinja2 backend:", type(jinja).__module__, out)
assert type(jinja).__module__ == "django.template.backends.jinja2"
assert out == "024 &lt;i&gt;"
