"""Django: template partials ({% partialdef %}, {% partial %}, "page.html#name") came with 6.0 and work from then on."""

FRAMEWORK = "django"
CRITERION = "templating"
SHOWS = "claim"
REQUIRES = []

import django
from django.conf import settings

pages = {
    "list.html": (
        "{% partialdef row %}<li>{{ item }}</li>{% endpartialdef %}"
        "<ul>{% for item in items %}{% partial row %}{% endfor %}</ul>"
    )
}
settings.configure(
    TEMPLATES=[
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {"loaders": [("django.template.loaders.locmem.Loader", pages)]},
        }
    ]
)
django.setup()

from django.template import TemplateSyntaxError
from django.template.loader import render_to_string

if django.VERSION < (6, 0):  # the cell says they arrived in 6.0: before it, the tags are unknown
    try:
        render_to_string("list.html", {"items": ["a", "b"]})
    except TemplateSyntaxError as exc:
        print(f"Django {django.get_version()}: no partials yet ({exc})")
        raise SystemExit(0) from None
    raise AssertionError(f"Django {django.get_version()} already knows {{% partialdef %}}")
try:
    whole = render_to_string("list.html", {"items": ["a", "b"]})
except TemplateSyntaxError as exc:
    raise AssertionError(f"partial tags are not available: {exc}") from exc
print("whole template:", whole)
assert whole == "<ul><li>a</li><li>b</li></ul>"
fragment = render_to_string("list.html#row", {"item": "only-this"})
print("fragment list.html#row:", fragment)
assert fragment == "<li>only-this</li>"
