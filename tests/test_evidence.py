"""Evidence: probes run on real installs of a framework's releases, and what editors and readers see of it.

The collector runs end to end here: it makes virtual environments, installs a
small framework ("probe-demo", two releases built as wheels by the test and
offered to pip through its own configuration, PIP_FIND_LINKS with no index),
runs probes in subprocesses and records what they showed. No network is used.
"""

import base64
import datetime
import glob
import hashlib
import html
import os
import re
import sys
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from packaging.version import Version

from comparisons import services
from comparisons.choices import DisagreementKind, DisagreementStatus, SupportLevel
from comparisons.evidence.collector import excerpt
from comparisons.evidence.probes import ProbeError, all_probes
from comparisons.models import Disagreement, Evidence, SupportStatement

from .factories import (
    AssessmentFactory,
    CriterionFactory,
    EvidenceFactory,
    FrameworkFactory,
    ReleaseFactory,
    SupportStatementFactory,
)

PROBES = {
    "greeting.py": '''"""probe-demo greets by name."""

FRAMEWORK = "demo"
CRITERION = "greeting"
SHOWS = "presence"
REQUIRES = []

import probe_demo

print("greet" in dir(probe_demo))
assert hasattr(probe_demo, "greet"), "no greet() in this release"
print(probe_demo.greet("ada"))
''',
    "caching.py": '''"""probe-demo ships a cache (it does not: the cell is wrong)."""

FRAMEWORK = "demo"
CRITERION = "caching"
SHOWS = "claim"
REQUIRES = []

import probe_demo

assert hasattr(probe_demo, "Cache"), "probe_demo has no Cache"
''',
    "hangs.py": '''"""A probe that never finishes."""

FRAMEWORK = "demo"
CRITERION = "hangs"
SHOWS = "claim"
REQUIRES = []

import time

print("waiting", flush=True)
time.sleep(600)
''',
    "offline.py": '''"""A probe sees neither the network nor the site's settings."""

FRAMEWORK = "demo"
CRITERION = "offline"
SHOWS = "claim"
REQUIRES = []

import os
import socket

try:
    socket.create_connection(("192.0.2.1", 80), timeout=2)
except ConnectionRefusedError as refused:
    print("refused:", refused)
else:
    raise AssertionError("reached the network")
assert not {"DATABASE_URL", "DJANGO_SECRET_KEY", "REDIS_URL"} & set(os.environ), sorted(os.environ)
print("environment:", sorted(os.environ))

# Frameworks put their folders next to the app's module (Emmett's databases/, logs/, migrations/): here, the probe.
os.makedirs(os.path.join(os.path.dirname(os.path.abspath(__file__)), "migrations"), exist_ok=True)
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "migrations", "0001_left_behind.py"), "w") as left:
    left.write("x = 1")
''',
}


def build_wheel(folder, version: str, source: str, requires_python: str = "") -> None:
    """A pure-Python wheel of probe-demo at `version` whose module is `source`."""
    dist_info = f"probe_demo-{version}.dist-info"
    metadata = f"Metadata-Version: 2.1\nName: probe-demo\nVersion: {version}\n"
    if requires_python:
        metadata += f"Requires-Python: {requires_python}\n"
    files = {
        "probe_demo/__init__.py": source,
        f"{dist_info}/METADATA": metadata,
        f"{dist_info}/WHEEL": "Wheel-Version: 1.0\nGenerator: comparesite-tests\nRoot-Is-Purelib: true\n"
        "Tag: py3-none-any\n",
    }
    record = []
    for name, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{name},sha256={digest},{len(text.encode())}")
    files[f"{dist_info}/RECORD"] = "\n".join([*record, f"{dist_info}/RECORD,,"]) + "\n"
    with zipfile.ZipFile(folder / f"probe_demo-{version}-py3-none-any.whl", "w") as wheel:
        for name, text in files.items():
            wheel.writestr(name, text)


@pytest.fixture(scope="session")
def environments(tmp_path_factory):
    """One folder of release environments for the session: later tests reuse what earlier ones made."""
    return tmp_path_factory.mktemp("environments")


@pytest.fixture
def demo(db, tmp_path, settings, monkeypatch, environments):
    """The framework "demo" (package probe-demo), releases 1.0 and 1.1, four cells, each with a probe.

    Release 1.1 added greet(); neither has a Cache. The cells say: greeting built in since 1.0
    (a statement), caching built in, hangs partial, offline built in.
    """
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    build_wheel(wheels, "1.0", "VERSION = '1.0'\n")
    build_wheel(wheels, "1.0.1", "VERSION = '1.0.1'\n")
    build_wheel(wheels, "1.1", "VERSION = '1.1'\n\ndef greet(name):\n    return f'hello {name}'\n")
    for secret in ("DATABASE_URL", "DJANGO_SECRET_KEY", "REDIS_URL"):  # the site's; a probe must not see them
        monkeypatch.setenv(secret, "site-secret")
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.setenv("PIP_FIND_LINKS", str(wheels))
    probes = tmp_path / "probes"
    (probes / "demo").mkdir(parents=True)
    for name, text in PROBES.items():
        (probes / "demo" / name).write_text(text)
    settings.EVIDENCE_PROBES_DIR = probes
    settings.EVIDENCE_CACHE_DIR = environments
    settings.EVIDENCE_PYTHONS = [sys.executable]
    settings.EVIDENCE_PROBE_SECONDS = 5
    framework = FrameworkFactory(name="Demo", slug="demo", packages="probe-demo")
    old = ReleaseFactory(framework=framework, version="1.0", requires_python="")
    ReleaseFactory(framework=framework, version="1.1", requires_python="")
    cells = {}
    for slug, level in [
        ("greeting", SupportLevel.BUILT_IN),
        ("caching", SupportLevel.BUILT_IN),
        ("hangs", SupportLevel.PARTIAL),
        ("offline", SupportLevel.BUILT_IN),
    ]:
        cells[slug] = AssessmentFactory(
            framework=framework, criterion=CriterionFactory(slug=slug, name=slug.title()), support_level=level
        )
    SupportStatementFactory(assessment=cells["greeting"], support_level=SupportLevel.BUILT_IN, since=old)
    return cells


@pytest.fixture
def collected(demo):
    call_command("collect_evidence", "--framework", "demo", "--bisect", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return demo


def result(probe, version) -> Evidence:
    return Evidence.objects.get(probe=f"demo/{probe}.py", release__version=version)


def test_each_probe_runs_on_the_latest_release_and_its_result_is_recorded(collected):
    assert result("greeting", "1.1").outcome == "passed"
    assert "hello ada" in result("greeting", "1.1").output
    assert result("caching", "1.1").outcome == "failed"
    assert "probe_demo has no Cache" in result("caching", "1.1").output
    offline = result("offline", "1.1")
    assert offline.outcome == "passed", offline.output
    assert "refused" in offline.output
    assert result("greeting", "1.1").python_version == ".".join(map(str, sys.version_info[:3]))


def test_what_a_probe_writes_beside_itself_stays_out_of_the_repository(collected, settings):
    probes = Path(settings.EVIDENCE_PROBES_DIR)

    assert sorted(path.name for path in (probes / "demo").iterdir()) == sorted(PROBES)
    assert result("offline", "1.1").outcome == "passed"


def test_a_probe_that_hangs_is_killed_and_recorded_as_an_error(collected):
    hung = result("hangs", "1.1")

    assert hung.outcome == "error"
    assert "Killed after 5 s" in hung.output
    assert hung.duration < datetime.timedelta(seconds=30)


def test_bisecting_finds_the_first_passing_release_and_proposes_it_as_since(collected):
    assert result("greeting", "1.0").outcome == "failed"  # the release before greet() came
    proposal = Disagreement.objects.get(kind=DisagreementKind.SINCE)

    assert proposal.assessment == collected["greeting"]
    assert proposal.proposed_since.version == "1.1"
    assert proposal.cell_says == "Built in, since 1.0"
    collected["greeting"].refresh_from_db()
    assert collected["greeting"].since_version == "1.0"  # nothing changes until an editor accepts


def test_a_failing_probe_on_a_supported_cell_opens_a_disagreement_and_nothing_else(collected):
    disagreement = Disagreement.objects.get(kind=DisagreementKind.RESULT)

    assert disagreement.assessment == collected["caching"]
    assert disagreement.cell_says == "Built in on Demo 1.1"
    assert "demo/caching.py failed on Demo 1.1" in disagreement.evidence_says
    assert Disagreement.objects.count() == 2  # errors and passes raise none
    collected["caching"].refresh_from_db()
    assert collected["caching"].support_level == SupportLevel.BUILT_IN


def test_running_again_reuses_the_environments_and_replaces_results(collected, settings):
    environments = sorted(path.name for path in settings.EVIDENCE_CACHE_DIR.iterdir())
    first = result("offline", "1.1").ran_at

    call_command("collect_evidence", "--framework", "demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert sorted(path.name for path in settings.EVIDENCE_CACHE_DIR.iterdir()) == environments
    assert Evidence.objects.filter(probe="demo/offline.py").count() == 1
    assert result("offline", "1.1").ran_at > first
    assert Disagreement.objects.filter(status="open").count() == 2  # not opened twice


def test_series_runs_the_newest_release_of_each_of_the_last_minor_series(demo):
    ReleaseFactory(framework=demo["greeting"].framework, version="1.0.1", requires_python="")

    call_command("collect_evidence", "--framework", "demo", "--release", "series:2", stdout=open("/dev/null", "w"))  # noqa: SIM115

    ran_on = set(Evidence.objects.values_list("release__version", flat=True))
    assert ran_on == {"1.1", "1.0.1"}  # not 1.0, an older patch of the 1.0 series


def test_a_release_that_does_not_install_is_recorded_as_an_error_for_each_probe(demo):
    ReleaseFactory(framework=demo["greeting"].framework, version="2.0", requires_python="")  # no wheel for it

    call_command("collect_evidence", "--framework", "demo", "--release", "2.0", stdout=open("/dev/null", "w"))  # noqa: SIM115

    rows = Evidence.objects.filter(release__version="2.0")
    assert {row.outcome for row in rows} == {"error"} and rows.count() == len(PROBES)
    assert "pip could not install probe-demo==2.0" in rows.first().output
    assert "Looking in" not in rows.first().output  # where pip looked is this machine's business, not published


# An interpreter older than this one's 3.11, where the machine has it (pyenv's, as `make evidence` uses).
OLDER_PYTHON = next(iter(glob.glob(str(Path.home() / ".pyenv/versions/3.10*/bin/python3"))), None)


@pytest.mark.skipif(OLDER_PYTHON is None, reason="needs a second, older Python (pyenv's 3.10) beside this one")
def test_a_release_that_does_not_install_on_the_newest_python_runs_on_the_next_one(demo, settings, tmp_path):
    # Like a release that states no Requires-Python on the index, yet whose wheel (or a dependency) refuses it.
    build_wheel(Path(os.environ["PIP_FIND_LINKS"]), "3.0", "VERSION = '3.0'\n", requires_python="<3.11")
    ReleaseFactory(framework=demo["greeting"].framework, version="3.0", requires_python="")
    settings.EVIDENCE_PYTHONS = [sys.executable, OLDER_PYTHON]

    call_command("collect_evidence", "--framework", "demo", "--release", "3.0", stdout=open("/dev/null", "w"))  # noqa: SIM115

    offline = result("offline", "3.0")
    assert offline.outcome == "passed"
    assert Version(offline.python_version) < Version("3.11")


def test_the_editor_accepts_a_proposed_since_and_the_cell_changes_with_history(collected, editor_client):
    proposal = Disagreement.objects.get(kind=DisagreementKind.SINCE)

    response = editor_client.post(
        "/admin/comparisons/disagreement/",
        {"action": "accept", "_selected_action": [proposal.pk]},
        follow=True,
    )

    assert response.status_code == 200
    assert "1 disagreement(s) accepted" in response.content.decode()
    greeting = collected["greeting"]
    greeting.refresh_from_db()
    assert greeting.since_version == "1.1"
    assert [s.since.version for s in SupportStatement.objects.filter(assessment=greeting)] == ["1.1"]
    assert greeting.history.first().history_change_reason == "Since 1.1, from evidence"
    proposal.refresh_from_db()
    assert proposal.status == DisagreementStatus.ACCEPTED and proposal.resolved_by.username == "editor"


def test_a_dismissed_disagreement_stays_closed_when_the_same_probe_runs_again(collected, editor):
    disagreement = Disagreement.objects.get(kind=DisagreementKind.RESULT)
    services.dismiss_disagreement(disagreement, editor)

    call_command("collect_evidence", "--framework", "demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert result("caching", "1.1").outcome == "failed"
    assert not Disagreement.objects.filter(kind=DisagreementKind.RESULT, status="open").exists()


def test_a_long_output_is_cut_in_the_middle_to_what_the_dataset_allows():
    text = "start\n" + "x" * 20_000 + "\nAssertionError: the end"

    kept = excerpt(text)

    assert len(kept) <= 4_000
    assert kept.startswith("start") and kept.endswith("AssertionError: the end") and "characters …]" in kept


def test_a_framework_without_releases_has_nothing_to_run_and_says_so(db, tmp_path, settings, capsys):
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "offline.py").write_text(PROBES["offline.py"])
    settings.EVIDENCE_PROBES_DIR = tmp_path
    AssessmentFactory(
        framework=FrameworkFactory(slug="demo", name="Demo", packages="probe-demo"), criterion__slug="offline"
    )

    for which in ("supported", "latest"):
        call_command("collect_evidence", "--framework", "demo", "--release", which, stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert not Evidence.objects.exists()
    assert "demo: no release matches supported" in capsys.readouterr().err


def test_the_editor_dismisses_a_disagreement_and_the_cell_stays(collected, editor_client):
    disagreement = Disagreement.objects.get(kind=DisagreementKind.RESULT)

    queue = editor_client.get("/admin/comparisons/disagreement/?status__exact=open").content.decode()
    editor_client.post("/admin/comparisons/disagreement/", {"action": "dismiss", "_selected_action": [disagreement.pk]})

    assert "Built in on Demo 1.1" in queue and "demo/caching.py failed on Demo 1.1" in queue
    disagreement.refresh_from_db()
    assert disagreement.status == DisagreementStatus.DISMISSED
    collected["caching"].refresh_from_db()
    assert collected["caching"].support_level == SupportLevel.BUILT_IN


def test_readers_see_what_was_checked_on_the_release_shown(collected, client):
    framework_page = client.get("/frameworks/demo/").content.decode()
    cell_page = client.get("/frameworks/demo/offline/").content.decode()
    compare = client.get("/compare/demo-vs-demo@1.0/", follow=True).content.decode()

    python = ".".join(map(str, sys.version_info[:2]))
    assert f"Checked on Demo 1.1 &middot; Python {python}" in framework_page
    assert "A probe fails on Demo 1.1" in framework_page
    assert "probes/demo/offline.py" in cell_page and "refused" in cell_page
    assert "A probe sees neither the network nor the site" in cell_page  # the probe's docstring
    assert "Checked on Demo 1.1" in compare and "A probe fails on Demo 1.1" in compare
    # greeting's presence probe failed on 1.0 while bisecting: that dates the feature, it is no fault of 1.0;
    # and a column at 1.0 never shows what was checked on another release
    assert "on Demo 1.0" not in compare
    assert compare.count("Checked on Demo 1.1") == 2  # greeting and offline, in the 1.1 column only


def test_the_evidence_page_shows_coverage_per_framework_and_release(collected, client):
    page = client.get("/evidence/").content.decode()
    text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))

    assert "Demo 1.1 4 of 4 (100 %) 2 (50 %) 1" in text
    assert f"Demo 1.0 {sys.version.split()[0]} 0 1 0" in text  # greeting failed there, while bisecting
    assert "2 results contradict the matrix" in text


def test_the_api_shows_evidence_and_filters_verified_cells(collected, client):
    verified = client.get("/api/v1/assessments/?framework=demo&verified=true").json()["results"]
    unverified = client.get("/api/v1/assessments/?framework=demo&verified=false").json()["results"]
    refused = client.get("/api/v1/assessments/?verified=maybe")

    assert sorted(row["criterion"] for row in verified) == ["greeting", "offline"]
    assert sorted(row["criterion"] for row in unverified) == ["caching", "hangs"]
    assert refused.status_code == 400 and "verified" in refused.json()["errors"]
    offline = next(row for row in verified if row["criterion"] == "offline")
    assert offline["verified"] is True
    assert offline["evidence"][0] | {"output": "", "ran_at": "", "duration_seconds": 0} == {
        "probe": "demo/offline.py",
        "kind": "claim",
        "release": "1.1",
        "python": ".".join(map(str, sys.version_info[:3])),
        "outcome": "passed",
        "output": "",
        "duration_seconds": 0,
        "ran_at": "",
        "is_stale": False,
    }


def test_evidence_is_stale_once_its_probe_changes(collected, client, settings):
    probe = settings.EVIDENCE_PROBES_DIR / "demo" / "offline.py"
    probe.write_text(probe.read_text() + "\nprint('one more line')\n")

    page = client.get("/frameworks/demo/offline/").content.decode()

    assert "(stale)" in page


def test_probes_with_a_broken_header_are_refused_by_name(tmp_path, settings, db):
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "bad.py").write_text(
        'FRAMEWORK = "demo"\nCRITERION = "Not A Slug"\nSHOWS = "claim"\nREQUIRES = []\n'
    )
    settings.EVIDENCE_PROBES_DIR = tmp_path

    with pytest.raises(ProbeError, match=r"demo/bad.py: CRITERION must be a slug"):
        all_probes()
    with pytest.raises(CommandError, match=r"demo/bad.py"):
        call_command("collect_evidence")


@pytest.mark.parametrize(
    ("header", "problem"),
    [
        ('FRAMEWORK = "demo"\nCRITERION = "x"\nSHOWS = "claim"\n', "missing REQUIRES"),
        ('FRAMEWORK = "demo"\nCRITERION = "x"\nSHOWS = "maybe"\nREQUIRES = []\n', "SHOWS must be one of"),
        ('FRAMEWORK = "demo"\nCRITERION = "x"\nSHOWS = "claim"\nREQUIRES = ["not a requirement!"]\n', "REQUIRES has"),
        ('FRAMEWORK = name\nCRITERION = "x"\nSHOWS = "claim"\nREQUIRES = []\n', "FRAMEWORK must be a literal"),
    ],
)
def test_each_header_problem_is_named(tmp_path, settings, header, problem):
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "probe.py").write_text(header)
    settings.EVIDENCE_PROBES_DIR = tmp_path

    with pytest.raises(ProbeError, match=problem):
        all_probes()


def test_every_probe_in_the_repository_has_a_sound_header_and_names_a_seed_cell():
    """The repository's probes, read as the collector reads them (nothing is run here)."""
    import json
    from pathlib import Path

    seed = json.loads((Path(__file__).resolve().parent.parent / "fixtures" / "python-web-frameworks.json").read_text())
    cells = {(row["framework"], row["criterion"]) for row in seed["assessments"]}

    probes = all_probes(Path(__file__).resolve().parent.parent / "probes")

    assert probes
    assert [probe.path for probe in probes if (probe.framework, probe.criterion) not in cells] == []
    assert all(probe.path.startswith(f"{probe.framework}/") for probe in probes)


def test_stored_evidence_counts_for_the_cell_only_on_the_release_it_ran_on(db, client):
    cell = AssessmentFactory(framework__slug="solo", framework__name="Solo", criterion__slug="forms")
    old = ReleaseFactory(framework=cell.framework, version="1.0")
    ReleaseFactory(framework=cell.framework, version="2.0")
    cell.framework.refresh_from_db()
    EvidenceFactory(assessment=cell, release=old, ran_at=timezone.now())

    page = client.get("/frameworks/solo/").content.decode()

    assert "Checked on" not in page  # it ran on 1.0; the page shows 2.0
    assert "Checked on Solo 1.0" in client.get("/frameworks/solo/?release=1.0").content.decode()


def test_editors_read_results_and_the_queue_and_add_neither(collected, editor_client):
    disagreement = Disagreement.objects.get(kind=DisagreementKind.RESULT)
    evidence = result("caching", "1.1")

    assert editor_client.get("/admin/comparisons/evidence/").status_code == 200
    assert (
        "AssertionError: probe_demo has no Cache"
        in editor_client.get(f"/admin/comparisons/evidence/{evidence.pk}/change/").content.decode()
    )
    assert (
        "probe_demo has no Cache"
        in editor_client.get(f"/admin/comparisons/disagreement/{disagreement.pk}/change/").content.decode()
    )
    assert editor_client.get("/admin/comparisons/evidence/add/").status_code == 403
    assert editor_client.get("/admin/comparisons/disagreement/add/").status_code == 403
    assert Client().get("/admin/comparisons/disagreement/").status_code == 302  # readers go to the login page
    coverage = editor_client.get("/admin/comparisons/framework/coverage/").content.decode()
    assert "Disagreements" in coverage and "?status__exact=open&amp;assessment__framework__id__exact=" in coverage
