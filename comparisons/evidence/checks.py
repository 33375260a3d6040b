"""What readers see of the evidence: the telling result of a cell's probes on the release shown.

A failure outranks a pass (one probe contradicting the cell matters more than
others agreeing), and among equals the newest run counts. A result is stale
when it is older than EVIDENCE_STALE_DAYS or its probe has changed since it ran.
"""

import datetime
import functools
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Case, Count, Exists, F, IntegerField, JSONField, Max, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import JSONObject
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from ..choices import Outcome, ProbeKind
from ..markdown import highlight_code
from ..models import Assessment, CodeExample, Evidence
from .examples import example_sha
from .probes import ProbeError, probe_source, probes_dir, read_probe, sha256

# Which result speaks for a cell: lowest first.
RANK = {Outcome.FAILED: 0, Outcome.PASSED: 1, Outcome.ERROR: 2, Outcome.SKIPPED: 3}


@dataclass(frozen=True)
class EvidenceCheck:
    outcome: str
    version: str
    python: str  # "3.13"
    ran_at: datetime.datetime
    probe: str
    probe_sha: str

    @property
    def passed(self) -> bool:
        return self.outcome == Outcome.PASSED

    @property
    def failed(self) -> bool:
        return self.outcome == Outcome.FAILED

    @property
    def is_stale(self) -> bool:
        return _is_stale(self, current_probe_sha(self.probe))


def current_probe_sha(path: str) -> str | None:
    """The SHA-256 of a probe file as it is now (None if it is gone); read again when the file changes."""
    file = probes_dir() / path
    try:
        stamp = file.stat().st_mtime_ns
    except OSError:
        return None
    return _sha_of(file, stamp)


@functools.lru_cache(maxsize=2048)
def _sha_of(file, stamp) -> str:
    return sha256(file.read_text(encoding="utf-8"))


def _python_series(version: str) -> str:
    return ".".join(version.split(".")[:2])


def check_from_row(row: dict | None) -> EvidenceCheck | None:
    """An EvidenceCheck from the `evidence_check` annotation (see with_evidence_check)."""
    if not row:
        return None
    ran_at = row["ran_at"]
    if isinstance(ran_at, str):
        ran_at = parse_datetime(ran_at)
    if timezone.is_naive(ran_at):
        ran_at = timezone.make_aware(ran_at, datetime.UTC)  # SQLite keeps UTC without its offset
    return EvidenceCheck(
        row["outcome"], row["version"], _python_series(row["python"]), ran_at, row["probe"], row["probe_sha"]
    )


def _telling(release=None) -> Subquery:
    """The telling result of the outer assessment on `release` (None: its framework's current one), as JSON."""
    rows = Evidence.objects.filter(assessment=OuterRef("pk"))
    if release is not None:
        # A presence probe failing before the current release shows when the feature came, not a fault.
        current = Q(release__version=OuterRef("framework__latest_version"))
        rows = rows.filter(release=release).exclude(Q(kind=ProbeKind.PRESENCE, outcome=Outcome.FAILED) & ~current)
    else:
        rows = rows.filter(release__version=OuterRef("framework__latest_version"))
    rank = Case(
        *(When(outcome=outcome, then=Value(order)) for outcome, order in RANK.items()), output_field=IntegerField()
    )
    telling = rows.order_by(rank, "-ran_at").values(
        data=JSONObject(
            outcome="outcome",
            version="release__version",
            python="python_version",
            ran_at="ran_at",
            probe="probe",
            probe_sha="probe_sha",
        )
    )[:1]
    return Subquery(telling, output_field=JSONField())


def with_evidence_check(assessments, release=None):
    """Annotate `evidence_check` on each assessment: its telling result on `release` (or the current one).

    One subquery in the assessments' own query, so pages show evidence at no query more.
    """
    return assessments.annotate(evidence_check=_telling(release))


def with_evidence_checks_at(assessments, releases):
    """Annotate `evidence_at_<release id>` for each of `releases`: columns of a compare at chosen releases."""
    return assessments.annotate(**{f"evidence_at_{release.pk}": _telling(release) for release in releases})


@dataclass
class ProbeEvidence:
    """One probe of a cell as its page shows it: what it checks, its source, and its results."""

    path: str
    summary: str
    source_html: str  # highlighted; empty when the probe file is gone
    results: list  # Evidence rows, newest release first

    @property
    def anchor(self) -> str:
        return "probe--" + self.path.removesuffix(".py").replace("/", "--")


def cell_evidence(assessment) -> list[ProbeEvidence]:
    """The probes that ran on a cell, each with its results (from the prefetched `evidence`)."""
    by_probe = {}
    for row in assessment.evidence.all():
        by_probe.setdefault(row.probe, []).append(row)
    shown = []
    for path, rows in sorted(by_probe.items()):
        source = probe_source(path)
        summary = ""
        if source is not None:
            try:
                summary = read_probe(probes_dir() / path).summary
            except ProbeError:
                summary = ""
        for row in rows:
            row.is_stale = _is_stale(row, current_probe_sha(path))
        shown.append(
            ProbeEvidence(
                path=path,
                summary=summary,
                source_html=highlight_code(source, "python") if source is not None else "",
                results=sorted(rows, key=lambda row: (-row.release.ordinal, row.python_version)),
            )
        )
    return shown


def _is_stale(row, current_sha) -> bool:
    """Older than EVIDENCE_STALE_DAYS, or run by an earlier text of its probe (`row`: Evidence or EvidenceCheck)."""
    return row.ran_at < fresh_since() or row.probe_sha != current_sha


def is_stale(row) -> bool:
    return _is_stale(row, current_probe_sha(row.probe))


def fresh_since() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=settings.EVIDENCE_STALE_DAYS)


def verified_condition():
    """A cell is verified when a recent probe passed on its framework's current release and none failed there.

    A database condition (for filters); staleness by probe text needs the files and is left to pages.
    """
    on_current = Evidence.objects.filter(
        assessment=OuterRef("pk"), release__version=OuterRef("framework__latest_version")
    )
    passed = on_current.filter(outcome=Outcome.PASSED, ran_at__gte=fresh_since())
    return Exists(passed) & ~Exists(on_current.filter(outcome=Outcome.FAILED))


def is_verified(assessment) -> bool:
    """`verified_condition` for one assessment, from its prefetched evidence (with releases)."""
    current = [row for row in assessment.evidence.all() if row.release.version == assessment.framework.latest_version]
    return any(row.outcome == Outcome.PASSED and row.ran_at >= fresh_since() for row in current) and not any(
        row.outcome == Outcome.FAILED for row in current
    )


def example_checks(examples, evidence) -> None:
    """Give each code example `check`: a passing run of its probe, on its release, of its code as it is now."""
    for example in examples:
        shown = example_sha(example)
        runs = [row for row in evidence if row.example_sha == shown and row.outcome == Outcome.PASSED]
        on_release = [row for row in runs if example.release is None or row.release_id == example.release_id]
        best = max(on_release, key=lambda row: row.ran_at, default=None)
        example.check = (
            EvidenceCheck(
                best.outcome, best.release.version, best.python_series, best.ran_at, best.probe, best.probe_sha
            )
            if best
            else None
        )


@dataclass
class FrameworkCoverage:
    framework: object
    cells: int
    probed: int  # cells with any probe result
    verified: int  # cells with a pass and no failure on the current release
    failing: int  # cells with a failure on the current release
    examples: int
    examples_checked: int  # examples whose probe passed on their release, for their code as it is

    @staticmethod
    def share(part: int, whole: int) -> int:
        return round(100 * part / whole) if whole else 0

    @property
    def probed_share(self) -> int:
        return self.share(self.probed, self.cells)

    @property
    def verified_share(self) -> int:
        return self.share(self.verified, self.cells)

    @property
    def examples_share(self) -> int:
        return self.share(self.examples_checked, self.examples)


def coverage(frameworks) -> list[FrameworkCoverage]:
    """For each of `frameworks` (published), how much of its column the probes check. Five queries."""
    published = Q(assessments__criterion__is_published=True)
    on_current = Q(assessments__evidence__release__version=F("latest_version"))
    rows = frameworks.annotate(
        cells=Count("assessments", filter=published, distinct=True),
        probed=Count("assessments", filter=published & Q(assessments__evidence__isnull=False), distinct=True),
        failing=Count(
            "assessments",
            filter=published & on_current & Q(assessments__evidence__outcome=Outcome.FAILED),
            distinct=True,
        ),
    ).order_by("name")
    passing_cells = set(
        Evidence.objects.filter(
            outcome=Outcome.PASSED,
            ran_at__gte=fresh_since(),
            release__version=F("release__framework__latest_version"),
        )
        .order_by()
        .values_list("assessment_id", flat=True)
        .distinct()
    )
    failing_cells = set(
        Evidence.objects.filter(outcome=Outcome.FAILED, release__version=F("release__framework__latest_version"))
        .order_by()
        .values_list("assessment_id", flat=True)
        .distinct()
    )
    verified_of = {}
    checked = Assessment.objects.filter(pk__in=passing_cells - failing_cells, criterion__is_published=True)
    for framework_id in checked.values_list("framework_id", flat=True):
        verified_of[framework_id] = verified_of.get(framework_id, 0) + 1
    example_runs = set(
        Evidence.objects.filter(kind=ProbeKind.EXAMPLE, outcome=Outcome.PASSED)
        .order_by()
        .values_list("example_sha", "release_id")
    )
    examples_of, checked_of = {}, {}
    examples = CodeExample.objects.filter(assessment__criterion__is_published=True).select_related(
        "assessment", "release"
    )
    for example in examples:
        framework_id = example.assessment.framework_id
        examples_of[framework_id] = examples_of.get(framework_id, 0) + 1
        if (example_sha(example), example.release_id) in example_runs:
            checked_of[framework_id] = checked_of.get(framework_id, 0) + 1
    return [
        FrameworkCoverage(
            framework=row,
            cells=row.cells,
            probed=row.probed,
            verified=verified_of.get(row.pk, 0),
            failing=row.failing,
            examples=examples_of.get(row.pk, 0),
            examples_checked=checked_of.get(row.pk, 0),
        )
        for row in rows
    ]


def results_by_release():
    """Counts of each outcome per framework release and Python that any probe ran on, newest release first."""
    return (
        Evidence.objects.filter(release__framework__is_published=True)
        .values("release__framework__name", "release__framework__slug", "release__version", "python_version")
        .annotate(
            passed=Count("pk", filter=Q(outcome=Outcome.PASSED)),
            failed=Count("pk", filter=Q(outcome=Outcome.FAILED)),
            errors=Count("pk", filter=Q(outcome__in=[Outcome.ERROR, Outcome.SKIPPED])),
            ran=Max("ran_at"),
        )
        .order_by("release__framework__name", "-release__ordinal", "-python_version")
    )
