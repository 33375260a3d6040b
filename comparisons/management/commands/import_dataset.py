from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from comparisons.dataset import Dataset, DatasetInvalid, import_dataset


class Command(BaseCommand):
    help = (
        "Read a dataset file (the format export_dataset writes) and upsert it by slug in one "
        "transaction. Everything is validated first; any problem is reported with its JSON path "
        "and nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The dataset JSON file.")
        parser.add_argument("--dry-run", action="store_true", help="Validate and report, write nothing.")

    def handle(self, *args, file, dry_run=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            report = import_dataset(Dataset.from_file(path), validate_only=dry_run)
        except DatasetInvalid as invalid:
            for where, message in invalid.report.errors:
                self.stderr.write(f"{where}: {message}")
            raise CommandError(f"{len(invalid.report.errors)} problem(s); nothing was imported.") from None
        for label, counts in (
            ("created", report.created),
            ("updated", report.updated),
            ("unchanged", report.unchanged),
        ):
            if counts:
                summary = ", ".join(f"{count} {kind}" for kind, count in sorted(counts.items()))
                self.stdout.write(f"{label}: {summary}")
        if not (report.created or report.updated):
            self.stdout.write("Nothing changed.")
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
