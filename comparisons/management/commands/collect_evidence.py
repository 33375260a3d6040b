from django.core.management.base import BaseCommand, CommandError
from packaging.version import InvalidVersion, Version

from comparisons.choices import Outcome
from comparisons.columns import release_series
from comparisons.evidence.collector import RELEASE_CHOICES, Collector, chosen_releases
from comparisons.evidence.probes import ProbeError, all_probes
from comparisons.models import Framework
from comparisons.versions import sorted_by_version


def release_choice(value: str) -> str:
    if value in RELEASE_CHOICES:
        return value
    if value.startswith("series:") and value.removeprefix("series:").isdigit():
        return value
    try:
        Version(value)
    except InvalidVersion:
        raise ValueError(value) from None
    return value


class Command(BaseCommand):
    help = (
        "Install framework releases in cached virtual environments and run the probes under probes/ on "
        "them, recording one Evidence row per probe, release and Python; results that contradict a cell "
        "open a disagreement for the editors (docs/evidence.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--framework", action="append", dest="frameworks", metavar="SLUG", help="(repeatable)")
        parser.add_argument(
            "--release",
            action="append",
            dest="releases",
            type=release_choice,
            metavar="WHICH",
            help="latest (default), supported, all, series:N (the newest release of the last N minor series) "
            "or a version; repeatable",
        )
        parser.add_argument("--python", help="one interpreter: a path, or a version such as 3.12")
        parser.add_argument(
            "--bisect", action="store_true", help="for presence probes, find the first passing release series"
        )
        parser.add_argument(
            "--fail-on-error",
            action="store_true",
            help="exit with an error if an install or a probe broke, or a probe names no cell (for CI)",
        )

    def handle(self, *args, frameworks, releases, python, bisect, fail_on_error, **options):
        try:
            probes = all_probes()
        except ProbeError as error:
            raise CommandError(str(error)) from None
        slugs = sorted({probe.framework for probe in probes})
        if frameworks:
            unknown = sorted(set(frameworks) - set(Framework.objects.values_list("slug", flat=True)))
            if unknown:
                raise CommandError(f"No framework with the slug: {', '.join(unknown)}.")
            slugs = [slug for slug in slugs if slug in frameworks]
        collector = Collector(python=python, log=lambda line: self.stdout.write(line))
        if not collector.pythons:
            raise CommandError(f"No Python interpreter found{f' for {python}' if python else ''}.")
        self.stdout.write("Pythons: " + ", ".join(f"{p.version} ({p.path})" for p in collector.pythons))
        for framework in Framework.objects.filter(slug__in=slugs).exclude(packages="").order_by("slug"):
            chosen = []
            for choice in releases or ["latest"]:
                if choice.startswith("series:"):
                    newest_of_each = release_series(sorted_by_version(framework.releases.all()))
                    picked = newest_of_each[: int(choice.removeprefix("series:"))]
                else:
                    picked = chosen_releases(framework, choice)
                chosen += [release for release in picked if release not in chosen]
            if not chosen:
                self.stderr.write(f"{framework.slug}: no release matches {', '.join(releases or ['latest'])}.")
                continue
            collector.collect(framework, chosen, bisect=bisect)
        report = collector.report
        for problem in report.problems:
            self.stderr.write(problem)
        counts = ", ".join(f"{report.count(outcome)} {outcome.label.lower()}" for outcome in Outcome)
        self.stdout.write(f"{len(report.evidence)} results: {counts}; {len(report.disagreements)} new disagreement(s).")
        for disagreement in report.disagreements:
            self.stdout.write(f"  disagrees: {disagreement.assessment}: {disagreement.evidence_says}")
        if fail_on_error and (report.count(Outcome.ERROR) or report.problems):
            broken = [row.probe for row in report.evidence if row.outcome == Outcome.ERROR]
            raise CommandError(f"Broken: {', '.join(broken + report.problems)}.")
