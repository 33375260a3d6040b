"""Stored HTML, rendered again by the site's one renderer, now markdown-it-py (CommonMark).

Every Markdown field's HTML is derived from its source when a row is saved; rows
saved before the renderer changed would otherwise keep the old renderer's HTML
until their next edit. Nothing but the derived HTML changes.
"""

from django.db import migrations

from comparisons.markdown import render_markdown
from comparisons.models import markdown_id_prefix

BATCH = 2000

# model -> (how its natural key is read from a row, {source field: HTML field})
MARKDOWN_FIELDS = {
    "Framework": (("slug",), {"description": "description_html"}),
    "Criterion": (("slug",), {"description": "description_html"}),
    "Assessment": (("framework__slug", "criterion__slug"), {"details": "details_html"}),
    "Comparison": (
        ("slug",),
        {"tldr": "tldr_html", "introduction": "introduction_html", "conclusion": "conclusion_html"},
    ),
    "ComparisonPoint": (("comparison__slug", "criterion__slug"), {"key_difference": "key_difference_html"}),
}


def render_again(apps, schema_editor):
    for model_name, (key_fields, fields) in MARKDOWN_FIELDS.items():
        model = apps.get_model("comparisons", model_name)
        rows = model.objects.order_by("pk").values_list("pk", *key_fields, *fields)
        changed = []
        for pk, *values in rows.iterator(chunk_size=BATCH):
            natural_key, sources = values[: len(key_fields)], values[len(key_fields) :]
            row = model(pk=pk)
            for (source, html), text in zip(fields.items(), sources, strict=True):
                setattr(row, html, render_markdown(text, id_prefix=markdown_id_prefix(natural_key, source)))
            changed.append(row)
            if len(changed) == BATCH:
                model.objects.bulk_update(changed, list(fields.values()))
                changed = []
        if changed:
            model.objects.bulk_update(changed, list(fields.values()))


class Migration(migrations.Migration):
    dependencies = [("comparisons", "0006_history_keeps_markdown_sources_only")]

    operations = [migrations.RunPython(render_again, migrations.RunPython.noop)]
