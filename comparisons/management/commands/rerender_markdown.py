from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from comparisons.caching import content_changed
from comparisons.models import RendersMarkdown

BATCH_SIZE = 500


class Command(BaseCommand):
    help = (
        "Render every stored Markdown field to HTML again with the site's renderer, its source with LF "
        "line endings. Run it once after an upgrade that changes comparisons/markdown.py; no history and "
        "no new version are written: the content editors wrote is unchanged."
    )

    def handle(self, *args, **options):
        for model in apps.get_app_config("comparisons").get_models():
            if not issubclass(model, RendersMarkdown):
                continue
            changed = 0
            html_fields = list(model.markdown_fields.values())
            written = [*model.markdown_fields, *html_fields]
            with transaction.atomic():
                batch = []
                for row in model._base_manager.select_related().order_by("pk").iterator(chunk_size=BATCH_SIZE):
                    before = [getattr(row, name) for name in written]
                    row.render_markdown_fields()
                    if [getattr(row, name) for name in written] != before:
                        batch.append(row)
                    if len(batch) == BATCH_SIZE:
                        changed += model._base_manager.bulk_update(batch, written)
                        batch = []
                changed += model._base_manager.bulk_update(batch, written)
            self.stdout.write(f"{model._meta.verbose_name_plural}: {changed} rendered anew")
        content_changed()
