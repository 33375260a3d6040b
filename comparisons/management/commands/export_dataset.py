import os
import sys
import tempfile

from django.core.management.base import BaseCommand

from comparisons.dataset import write_dataset


class Command(BaseCommand):
    help = "Write everything published as one JSON document in the dataset format (see README)."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="File to write; standard output when left out.")

    def handle(self, *args, output=None, **options):
        if output:
            # Written beside the target and renamed over it: a failure never leaves half a file.
            folder = os.path.dirname(os.path.abspath(output))
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=folder, suffix=".partial", delete=False
            ) as file:
                try:
                    write_dataset(file)
                except BaseException:
                    os.unlink(file.name)
                    raise
            os.replace(file.name, output)
            self.stderr.write(f"Wrote {output}.")
        else:
            write_dataset(sys.stdout)
