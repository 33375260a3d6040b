"""Comparison slugs fit in 100 characters before the next migration shrinks the column.

A live slug over 100 characters stops here with a message naming it (shorten it
in the admin, then migrate again); history records keep the first 100
characters of theirs. On its own, so the column is altered in a transaction of
its own (PostgreSQL refuses to alter a table with pending trigger events).
"""

from django.db import migrations
from django.db.models.functions import Left, Length

SLUG_MAX_LENGTH = 100


def refuse_long_slugs(apps, schema_editor):
    comparison = apps.get_model("comparisons", "Comparison")
    too_long = list(
        comparison.objects.annotate(length=Length("slug")).filter(length__gt=SLUG_MAX_LENGTH).values_list("slug", flat=True)
    )
    if too_long:
        raise RuntimeError(
            f"These comparison slugs are over {SLUG_MAX_LENGTH} characters: {', '.join(too_long)}. "
            "Shorten them in the admin, then run migrate again."
        )
    history = apps.get_model("comparisons", "HistoricalComparison")
    history.objects.annotate(length=Length("slug")).filter(length__gt=SLUG_MAX_LENGTH).update(
        slug=Left("slug", SLUG_MAX_LENGTH)
    )


class Migration(migrations.Migration):
    dependencies = [("comparisons", "0008_one_line_text_fields")]

    operations = [migrations.RunPython(refuse_long_slugs, migrations.RunPython.noop)]
