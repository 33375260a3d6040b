import sys

from django.core.management.base import BaseCommand

from comparisons.dataset import write_dataset, write_dataset_file


class Command(BaseCommand):
    help = "Write everything published as one JSON document in the dataset format (see README)."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="File to write; standard output when left out.")

    def handle(self, *args, output=None, **options):
        if output:
            write_dataset_file(output)
            self.stderr.write(f"Wrote {output}.")
        else:
            write_dataset(sys.stdout)
