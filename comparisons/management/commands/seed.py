from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from comparisons.models import Framework


class Command(BaseCommand):
    help = (
        "Load the seed content (settings.SEED_FIXTURES) into an empty database. "
        "A database that already has frameworks is left alone, so local edits survive; "
        "--force loads the fixtures anyway, updating the seed rows in place."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Load even if the database has content.")

    def handle(self, *args, force=False, **options):
        if Framework.objects.exists() and not force:
            self.stdout.write("The database already has content; seed fixtures not loaded (use --force to reload).")
            return
        call_command("loaddata", *settings.SEED_FIXTURES, verbosity=options["verbosity"])
