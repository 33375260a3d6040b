import sys

from django.core.management.base import BaseCommand

from comparisons.dataset import dump_dataset, export_dataset


class Command(BaseCommand):
    help = "Write everything published as one JSON document in the dataset format (see README)."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="File to write; standard output when left out.")

    def handle(self, *args, output=None, **options):
        text = dump_dataset(export_dataset())
        if output:
            with open(output, "w", encoding="utf-8") as file:
                file.write(text)
            self.stderr.write(f"Wrote {output}.")
        else:
            sys.stdout.write(text)
