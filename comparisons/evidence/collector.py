"""The collector: run probes on framework releases, record Evidence, and raise Disagreements.

For each framework, the chosen releases are installed (environments.py) and
every probe of the framework runs there in a subprocess (harness.py) with a
time and memory limit, an empty working directory and an environment without
the site's settings or secrets. Each run replaces the Evidence row of its probe,
release and Python. A result that contradicts the cell at that release, or a
first passing release (bisected) that differs from the cell's `since`, opens a
Disagreement for an editor; the cell itself is never changed here.
"""

import contextlib
import datetime
import os
import resource
import shutil
import signal
import subprocess
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from packaging.version import Version

from .. import caching
from ..choices import DisagreementKind, DisagreementStatus, Outcome, ProbeKind, SupportLevel
from ..columns import release_series
from ..models import EVIDENCE_OUTPUT_MAX, Assessment, Disagreement, Evidence, Framework, Release, SupportStatement
from ..versions import find_release, newest_release, sorted_by_version
from . import environments
from .probes import Probe, all_probes

HARNESS = Path(__file__).with_name("harness.py")
EXIT_OUTCOMES = {0: Outcome.PASSED, 3: Outcome.FAILED, 4: Outcome.ERROR, 77: Outcome.SKIPPED}  # harness.py
RELEASE_CHOICES = ("latest", "supported", "all")
SUPPORTED_LEVELS = {SupportLevel.BUILT_IN, SupportLevel.EXTENSION, SupportLevel.PARTIAL}


@dataclass
class RunResult:
    outcome: str
    output: str
    duration: datetime.timedelta


@dataclass
class CollectReport:
    evidence: list = field(default_factory=list)
    disagreements: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # probes naming no cell, releases with no Python

    def count(self, outcome) -> int:
        return sum(1 for row in self.evidence if row.outcome == outcome)


def excerpt(text: str, limit: int = EVIDENCE_OUTPUT_MAX) -> str:
    """The start and the end of a long output (a traceback's last lines matter most)."""
    if len(text) <= limit:
        return text
    marker_room = 40  # "\n[… 1234567 characters …]\n" and then some
    half = (limit - marker_room) // 2
    return f"{text[:half]}\n[… {len(text) - 2 * half} characters …]\n{text[-half:]}"


def run_probe(probe_file: Path, python: Path) -> RunResult:
    """Run one probe file with an environment's Python, bounded in time and memory."""
    memory = settings.EVIDENCE_PROBE_MEMORY_MB * 1024 * 1024
    seconds = settings.EVIDENCE_PROBE_SECONDS

    def limit_memory():  # in the child, before the probe starts
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    with tempfile.TemporaryDirectory(prefix="comparesite-probe-") as workdir:
        environment = {
            "PATH": f"{python.parent}{os.pathsep}/usr/bin{os.pathsep}/bin",
            "HOME": workdir,
            "TMPDIR": workdir,
            "LANG": "C.UTF-8",
            "PYTHONDONTWRITEBYTECODE": "1",
            "PYTHONIOENCODING": "utf-8",
        }
        # The probe runs as a copy in its working directory: what a framework writes beside the app's module
        # (Emmett's databases/ and migrations/, say) lands there, never in the repository's probes/.
        copy = Path(workdir) / probe_file.name
        shutil.copyfile(probe_file, copy)
        started = time.monotonic()
        process = subprocess.Popen(  # noqa: S603 - our harness and a probe from the repository
            [str(python), str(HARNESS), str(copy)],
            cwd=workdir,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            preexec_fn=limit_memory,
            start_new_session=True,  # its own process group, so a hung probe's children die with it
        )
        try:
            output, _ = process.communicate(timeout=seconds)
            outcome = EXIT_OUTCOMES.get(process.returncode, Outcome.ERROR)
            text = output.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            _kill_group(process.pid)
            output, _ = process.communicate()
            outcome = Outcome.ERROR
            text = output.decode("utf-8", "replace") + f"\nKilled after {seconds} s: the probe did not finish."
        _kill_group(process.pid)  # whatever the probe started and left running in its group
        return RunResult(outcome, excerpt(text), datetime.timedelta(seconds=time.monotonic() - started))


def _kill_group(group: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # nothing of it is left
        os.killpg(group, signal.SIGKILL)


def chosen_releases(framework, choice: str) -> list[Release]:
    """The releases `choice` names: latest, supported (today), all finals, or one version."""
    releases = sorted_by_version(framework.releases.all())
    finals = [r for r in releases if not r.is_yanked and not Version(r.version).is_prerelease]
    if choice == "latest":
        newest = newest_release(releases)
        return [newest] if newest else []
    if choice == "supported":
        today = timezone.localdate()
        supported = [r for r in finals if r.is_supported_on(today)]
        newest = newest_release(releases)
        return supported or ([newest] if newest else [])
    if choice == "all":
        return finals
    wanted = Version(choice)
    return [r for r in releases if Version(r.version) == wanted]


class Collector:
    """One collecting run; `log` receives a line per step (the command prints them)."""

    def __init__(self, *, python: str | None = None, log=lambda line: None):
        self.pythons = environments.interpreters(python)
        self.log = log
        self.report = CollectReport()

    def collect(self, framework: Framework, releases: list[Release], *, bisect: bool = False) -> None:
        probes = all_probes(framework=framework.slug)
        cells = {
            assessment.criterion.slug: assessment
            for assessment in Assessment.objects.filter(framework=framework).select_related("criterion")
        }
        runnable = []
        for probe in probes:
            if probe.criterion in cells:
                runnable.append(probe)
            else:
                self.report.problems.append(f"{probe.path}: {framework.slug} has no cell for “{probe.criterion}”.")
        # Results of probes that are gone say nothing any more.
        Evidence.objects.filter(assessment__framework=framework).exclude(probe__in=[p.path for p in probes]).delete()
        pinned = [probe for probe in runnable if probe.release]  # examples run on the release they name only
        for release in releases:
            self.run_on_release(framework, release, [probe for probe in runnable if not probe.release], cells)
        for probe in pinned:
            named = find_release(framework.releases.all(), probe.release)
            if named is None:
                self.report.problems.append(f"{probe.path}: {framework.name} has no release {probe.release}.")
            else:
                self.run_on_release(framework, named, [probe], cells)
        if bisect:
            for probe in runnable:
                if probe.shows_presence and cells[probe.criterion].support_level in SUPPORTED_LEVELS:
                    self.bisect(framework, probe, cells[probe.criterion])
        self.judge(framework)
        caching.content_changed()

    def run_on_release(self, framework, release, probes: list[Probe], cells: dict, *, oldest_python=False) -> list:
        """Run `probes` on one release, with the newest Python it admits (or the oldest); the Evidence rows written.

        Releases that state no Requires-Python may still not install on the
        newest Python (a dependency without wheels for it): then the next
        admitted Python is tried, and an error is recorded only if none installs.
        """
        pythons = environments.admitted_interpreters(release.requires_python, self.pythons, oldest=oldest_python)
        if not pythons:
            known = ", ".join(str(p.version) for p in self.pythons) or "none"
            self.report.problems.append(
                f"{framework.name} {release.version} needs Python {release.requires_python}; available: {known}."
            )
            return []
        written = []
        by_requirements = defaultdict(list)
        for probe in probes:
            by_requirements[tuple(sorted(probe.requires))].append(probe)
        for requires, group in by_requirements.items():
            python, results = self.run_group(framework, release, group, list(requires), pythons)
            for probe, result in results.items():
                row, _ = Evidence.objects.update_or_create(
                    probe=probe.path,
                    release=release,
                    python_version=str(python.version),
                    defaults={
                        "assessment": cells[probe.criterion],
                        "kind": probe.kind,
                        "probe_sha": probe.sha,
                        "example_sha": probe.example_sha,
                        "outcome": result.outcome,
                        "output": result.output,
                        "duration": result.duration,
                        "ran_at": timezone.now(),
                    },
                )
                # One result per Python series: a patch release of Python replaces the last one's.
                Evidence.objects.filter(
                    probe=probe.path, release=release, python_version__startswith=f"{python.series}."
                ).exclude(pk=row.pk).delete()
                self.log(f"  {probe.path}: {result.outcome}")
                written.append(row)
        self.report.evidence += written
        return written

    def run_group(self, framework, release, group: list[Probe], requires: list[str], pythons: list):
        """Install the release with `requires` on the first of `pythons` that takes it, and run `group` there.

        Returns the Python used and each probe's RunResult; if no Python
        installs, every probe gets the first install's failure as an error.
        """
        package = framework.package_names[0]
        first_failure = None
        for python in pythons:
            self.log(f"{framework.name} {release.version} on Python {python.version}: {len(group)} probe(s)")
            try:
                home = environments.environment(package, release.version, python, requires)
            except environments.InstallFailed as failure:
                first_failure = first_failure or (python, failure)
                self.log(f"  install failed on Python {python.version}")
                continue
            python_path = environments.python_in(home)
            return python, {
                probe: run_probe(Path(settings.EVIDENCE_PROBES_DIR) / probe.path, python_path) for probe in group
            }
        python, failure = first_failure
        output = excerpt(f"{failure}\n{failure.log}")
        return python, {probe: RunResult(Outcome.ERROR, output, datetime.timedelta(0)) for probe in group}

    def bisect(self, framework, probe: Probe, assessment) -> None:
        """Find the first minor series whose newest release passes `probe`, and compare it with the cell's since.

        Assumes a feature, once present, stays. Earlier series run on the oldest
        Python they admit, the likeliest of their time. The search treats a series that
        cannot be installed or run like one that fails; the answer counts only if
        the series just before the first passing one really failed (the feature
        was absent there), else it is reported as inconclusive and nothing opens.
        """
        series = list(reversed(release_series(sorted_by_version(framework.releases.all()))))  # oldest first
        if not series:
            return

        outcomes, passing = {}, {}

        def passes(index) -> bool:
            ran = [row for row in self.report.evidence if (row.probe, row.release_id) == (probe.path, series[index].pk)]
            rows = ran or self.run_on_release(
                framework, series[index], [probe], {probe.criterion: assessment}, oldest_python=index < len(series) - 1
            )
            outcomes[index] = rows[0].outcome if rows else Outcome.ERROR
            if outcomes[index] == Outcome.PASSED:
                passing[index] = rows[0]
            return index in passing

        if not passes(len(series) - 1):
            return
        low, high = 0, len(series) - 1  # the answer lies in [low, high]; series[high] passes
        while low < high:
            middle = (low + high) // 2
            if passes(middle):
                high = middle
            else:
                low = middle + 1
        if high > 0:
            if high - 1 not in outcomes:
                passes(high - 1)
            if outcomes[high - 1] != Outcome.FAILED:
                self.report.problems.append(
                    f"{probe.path}: “since” is inconclusive: on {framework.name} "
                    f"{series[high - 1].version} the probe gave {outcomes[high - 1]}, not a failure."
                )
                return
        first = _first_of_series(framework, series[high])
        assessment.refresh_from_db()
        current = assessment.since_version
        open_since = Disagreement.objects.filter(
            evidence__probe=probe.path, kind=DisagreementKind.SINCE, status=DisagreementStatus.OPEN
        )
        agree = (
            Version(current).release[:2] == Version(first.version).release[:2]
            if current
            else high == 0  # present from the first series on: what a cell without "since" says
        )
        if agree:
            open_since.delete()  # the cell and the evidence agree (again)
            return
        open_since.exclude(evidence=passing[high]).delete()
        self.open_disagreement(
            passing[high],
            DisagreementKind.SINCE,
            cell_says=f"{assessment.get_support_level_display()}, "
            + (f"since {current}" if current else "since when not stated"),
            evidence_says=f"{probe.path} first passes on the {first.series_label} series: since {first.version}",
            proposed_since=first,
        )

    def open_disagreement(self, evidence, kind, **values) -> None:
        """Open (or refresh) one disagreement, unless an editor closed the same one for this text of the probe."""
        closed = Disagreement.objects.filter(evidence=evidence, kind=kind, probe_sha=evidence.probe_sha).exclude(
            status=DisagreementStatus.OPEN
        )
        if "proposed_since" in values:
            closed = closed.filter(proposed_since=values["proposed_since"])
        if closed.exists():
            return
        disagreement, created = Disagreement.objects.update_or_create(
            evidence=evidence,
            kind=kind,
            status=DisagreementStatus.OPEN,
            defaults={"assessment": evidence.assessment, "probe_sha": evidence.probe_sha, **values},
        )
        if created:
            self.report.disagreements.append(disagreement)

    def judge(self, framework) -> None:
        """Open a disagreement for each result that contradicts its cell; close the ones no result supports now."""
        rows = (
            Evidence.objects.filter(assessment__framework=framework)
            .select_related("release", "assessment__framework", "assessment__criterion")
            .prefetch_related(
                Prefetch("assessment__statements", queryset=SupportStatement.objects.select_related("since", "until"))
            )
        )
        agreeing = []
        for row in rows:
            contradiction = contradicts(row)
            if contradiction is None:
                agreeing.append(row.pk)
            else:
                self.open_disagreement(row, DisagreementKind.RESULT, **contradiction)
        Disagreement.objects.filter(  # one query for every result that no longer contradicts its cell
            evidence__in=agreeing, kind=DisagreementKind.RESULT, status=DisagreementStatus.OPEN
        ).delete()


def _first_of_series(framework, release) -> Release:
    series = Version(release.version).release[:2]
    finals = [
        r
        for r in sorted_by_version(framework.releases.all())
        if Version(r.version).release[:2] == series and not Version(r.version).is_prerelease and not r.is_yanked
    ]
    return finals[0] if finals else release


def contradicts(row: Evidence) -> dict | None:
    """What the cell and the evidence say, if this result contradicts the cell at its release; else None.

    A failed claim or example probe contradicts any known level. A presence probe
    speaks for the current release: there it contradicts a "supported" level by
    failing and "not supported" by passing; on earlier releases what it shows is
    the cell's `since`, which bisecting compares.
    """
    framework = row.assessment.framework
    if row.kind == ProbeKind.PRESENCE and row.release.version != framework.latest_version:
        return None
    statement = row.assessment.statement_for(row.release)
    level = SupportLevel(statement.support_level)
    if level == SupportLevel.UNKNOWN or row.outcome not in (Outcome.PASSED, Outcome.FAILED):
        return None
    failed = row.outcome == Outcome.FAILED
    if row.kind == ProbeKind.PRESENCE:
        wrong = (failed and level in SUPPORTED_LEVELS) or (not failed and level == SupportLevel.NONE)
    else:
        wrong = failed
    if not wrong:
        return None
    return {
        "cell_says": f"{level.label} on {framework.name} {row.release.version}",
        "evidence_says": f"{row.probe} {row.outcome} on {framework.name} {row.release.version} "
        f"(Python {row.python_series})",
    }
