import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from comparisons.evidence.examples import write_example_probes


class Command(BaseCommand):
    help = (
        "Write a probe for every code example (probes/<framework>/examples/) that runs it and checks the "
        "output the site shows; remove the probes of examples that are gone. Commit the result."
    )

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="change nothing; fail if a probe is out of date")

    def handle(self, *args, check, **options):
        root = Path(settings.EVIDENCE_PROBES_DIR)
        if check:
            with tempfile.TemporaryDirectory() as scratch:
                copy = Path(scratch) / "probes"
                shutil.copytree(root, copy)
                changed, removed = write_example_probes(copy)
            if changed or removed:
                raise CommandError(
                    "Example probes are out of date: " + ", ".join(changed + removed) + ". Run write_example_probes."
                )
            self.stdout.write("Every code example has its probe, up to date.")
            return
        changed, removed = write_example_probes(root)
        self.stdout.write(f"{len(changed)} example probe(s) written, {len(removed)} removed.")
