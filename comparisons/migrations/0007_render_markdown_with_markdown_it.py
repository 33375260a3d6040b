"""Once rendered stored HTML again with app code; now empty.

A migration that imports the app's renderer runs whatever that renderer is
today, not what it was when the migration was written. Stored HTML is rendered
again with `manage.py rerender_markdown` (see docs/deployment.md) whenever the
renderer changes. Kept, without operations, so databases that ran it keep a
consistent migration graph.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("comparisons", "0006_history_keeps_markdown_sources_only")]

    operations = []
