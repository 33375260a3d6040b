from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from comparisons.models import Framework
from comparisons.services import record_missing_history


class Command(BaseCommand):
    help = (
        "Load the seed content into an empty database: the Django fixtures in settings.SEED_FIXTURES, "
        "then the dataset files in settings.SEED_DATASETS. A database that already has frameworks is "
        "left alone, so local edits survive; --force loads everything anyway, updating rows in place."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Load even if the database has content.")

    def handle(self, *args, force=False, **options):
        if Framework.objects.exists() and not force:
            self.stdout.write("The database already has content; seed not loaded (use --force to reload).")
            return
        verbosity = options["verbosity"]
        call_command("loaddata", *settings.SEED_FIXTURES, verbosity=verbosity)
        # Fixtures load without history; give every row its first version so it can be reverted to.
        record_missing_history("Loaded from the seed fixture")
        for dataset in settings.SEED_DATASETS:
            if verbosity:
                self.stdout.write(f"Importing {Path(dataset).name}:")
            call_command("import_dataset", str(dataset), verbosity=verbosity, stdout=self.stdout)
