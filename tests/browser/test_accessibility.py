"""Every public page type passes axe-core's WCAG 2.1 A and AA rules, on a desktop and on a phone.

axe-core comes from npm at the version package-lock.json pins; `make test` installs it with
`npm ci` when npm is on PATH. Without it these tests skip with a reason, and fail in CI, as
the browser tests do without Chromium (tests/browser/conftest.py).

The page is served with its real Content-Security-Policy (script-src 'self', no inline
script), so axe is not added as a <script> tag: its source is evaluated through Playwright
(the DevTools protocol), which the page's policy does not govern. Nothing about the
policy is relaxed for these tests.
"""

import os
from pathlib import Path

import pytest

from comparisons.choices import Outcome, SupportLevel
from comparisons.models import Assessment, Criterion, Release
from tests.factories import AssessmentFactory, EvidenceFactory, FrameworkFactory, ReleaseFactory, SourceFactory

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = [1280, 375]
TARGETS_SHOWN = 3

# One page of each public type, as (name, path). The paths name the objects the `site`
# fixture builds: Django, Flask and Bottle; the criteria request-object, forms,
# database-layer and admin-site; the published comparison "Flask vs Django". Add a page
# type here (and what it needs to `site`) and it is checked at every width.
PAGES = [
    ("home", "/"),
    ("framework-list", "/frameworks/"),
    ("framework", "/frameworks/flask/"),
    ("assessment", "/frameworks/flask/forms/"),
    ("criterion-list", "/criteria/"),
    ("criterion", "/criteria/forms/"),
    ("compare-picker", "/compare/"),
    ("compare", "/compare/bottle-vs-django/"),  # two frameworks no comparison covers
    ("fit", "/fit/?w-forms=3&w-admin-site=2"),
    ("matrix", "/matrix/"),
    ("compare-grid", "/compare/bottle-vs-django/?view=grid"),
    ("embed", "/embed/"),
    ("coverage", "/coverage/"),
    ("embedded-compare", "/embed/compare/bottle-vs-django/"),
    ("comparison-list", "/comparisons/"),
    ("comparison", "/compare/django-vs-flask/"),  # the published comparison's page
    ("search", "/search/?q=forms"),
    ("changes", "/changes/"),
    ("evidence", "/evidence/"),
    ("report-problem", "/frameworks/flask/forms/report/"),
]

RUN_AXE = """async tags => {
    const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
    return results.violations.map(violation => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        helpUrl: violation.helpUrl,
        targets: violation.nodes.map(node => node.target.join(" ")),
    }));
}"""


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        message = f"axe-core not found at {AXE}: install Node.js's npm and run `make test` (it runs `npm ci`)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def site(flask_and_django):
    """Flask and Django (tests/conftest.py), Bottle beside them, and probe results for the evidence pages."""
    bottle = FrameworkFactory(
        name="Bottle", slug="bottle", summary="A one-file Python web framework.", license="MIT", packages="bottle"
    )
    ReleaseFactory(framework=bottle, version="0.13.2")
    levels = [SupportLevel.BUILT_IN, SupportLevel.PARTIAL, SupportLevel.NONE, SupportLevel.UNKNOWN]
    for criterion, level in zip(Criterion.objects.order_by("position"), levels, strict=True):
        SourceFactory(assessment=AssessmentFactory(framework=bottle, criterion=criterion, support_level=level))
    for framework, criterion, outcome in [
        ("flask", "forms", Outcome.PASSED),
        ("django", "forms", Outcome.PASSED),
        ("django", "admin-site", Outcome.FAILED),
    ]:
        EvidenceFactory(
            assessment=Assessment.objects.get(framework__slug=framework, criterion__slug=criterion),
            release=Release.objects.filter(framework__slug=framework).latest("released_on"),
            outcome=outcome,
        )


def describe(violations) -> str:
    lines = []
    for violation in violations:
        targets = violation["targets"]
        shown = ", ".join(targets[:TARGETS_SHOWN]) + (
            f" (+{len(targets) - TARGETS_SHOWN} more)" if len(targets) > TARGETS_SHOWN else ""
        )
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"    {len(targets)} element(s): {shown}")
        lines.append(f"    {violation['helpUrl']}")
    return "\n".join(lines)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", [path for _, path in PAGES], ids=[name for name, _ in PAGES])
def test_the_page_has_no_accessibility_violations(site, live_server, page, axe_source, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(f"{live_server.url}{path}")
    assert response.ok, f"{path} answered {response.status}"

    page.evaluate(axe_source)
    violations = page.evaluate(RUN_AXE, WCAG_TAGS)

    assert not violations, (
        f"{path} at {width}px: {len(violations)} WCAG 2.1 A/AA violation(s) found by axe-core\n{describe(violations)}"
    )


def test_a_violation_under_the_sites_policy_would_be_caught(page, axe_source):
    # The watchdog the test above relies on: axe runs under a policy that forbids inline script,
    # and reports what it should.
    page.route(
        "http://policy.test/",
        lambda route: route.fulfill(
            status=200,
            headers={"Content-Type": "text/html", "Content-Security-Policy": "default-src 'self'; script-src 'self'"},
            body='<!doctype html><html lang="en"><title>t</title><main><img src="/x.png"></main></html>',
        ),
    )
    page.route("http://policy.test/x.png", lambda route: route.fulfill(status=204))
    page.goto("http://policy.test/")

    page.evaluate(axe_source)
    violations = page.evaluate(RUN_AXE, WCAG_TAGS)

    assert [(violation["id"], violation["targets"]) for violation in violations] == [("image-alt", ["img"])]
    assert page.csp_violations == []
