from django.core.management.base import BaseCommand, CommandError

from comparisons.models import Framework
from comparisons.package_index import PackageIndexError, fetch_project, pip_index, releases_of
from comparisons.services import store_releases


class Command(BaseCommand):
    help = (
        "Fill frameworks' releases from the package index pip on this machine uses (PIP_INDEX_URL, pip's "
        "configuration, or pip's default): versions, upload days, yanked, Requires-Python. Idempotent; "
        "every project is read before anything is written, so a network failure changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("frameworks", nargs="*", metavar="FRAMEWORK", help="framework slugs (default: all)")

    def handle(self, *args, frameworks, **options):
        chosen = Framework.objects.exclude(packages="").order_by("slug")
        if frameworks:
            chosen = chosen.filter(slug__in=frameworks)
            named = set(Framework.objects.filter(slug__in=frameworks).values_list("slug", flat=True))
            unknown = sorted(set(frameworks) - named)
            if unknown:
                raise CommandError(f"No framework with the slug: {', '.join(unknown)}.")
            without = sorted(set(frameworks) - set(chosen.values_list("slug", flat=True)))
            if without:
                names = ", ".join(without)
                raise CommandError(f"Name the framework's packages on the index first (“packages”): {names}.")
        index = pip_index()
        self.stdout.write(f"Reading releases from {index.shown_url}")
        fetched = []
        try:
            for framework in chosen:
                releases = {}
                for package in framework.package_names:
                    for release in releases_of(fetch_project(index, package)):
                        releases.setdefault(release.version, release)
                fetched.append((framework, list(releases.values())))
        except PackageIndexError as error:
            raise CommandError(f"{error} Nothing was changed.") from None
        for framework, releases in fetched:
            added, updated = store_releases(framework, releases)
            self.stdout.write(
                f"{framework.slug}: {len(releases)} releases on the index; {added} added, {updated} updated"
            )
