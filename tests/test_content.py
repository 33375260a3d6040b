"""The knowledge base we ship: complete, sourced, versioned, shown in code, and clean Markdown.

These tests are the seed's definition of done (issue 17): they read the
shipped content itself, since that content is what they specify.
"""

import logging
import warnings

import pytest
from django.core.management import call_command

from comparisons.evidence.examples import example_sha
from comparisons.markdown import render_markdown
from comparisons.models import Assessment, CodeExample, Comparison, Criterion, Evidence, Framework

pytestmark = pytest.mark.django_db

# The first edition's twelve; the second edition keeps them and adds more.
FIRST_EDITION_FRAMEWORKS = {
    "django",
    "flask",
    "fastapi",
    "pyramid",
    "bottle",
    "tornado",
    "starlette",
    "litestar",
    "sanic",
    "quart",
    "falcon",
    "aiohttp",
}

# The criteria where frameworks' styles differ most: every framework shows its way in code.
STYLE_CRITERIA = [
    "request-object",
    "routing",
    "forms",
    "database-layer",
    "authentication-and-permissions",
    "validation-and-serialization",
    "templating",
    "async-support",
]


@pytest.fixture(scope="module")
def content(django_db_setup, django_db_blocker):
    """The seed, loaded once for this module (it is large) and emptied again after it; each test still runs in a
    transaction that is rolled back, so no test sees another's changes."""
    with django_db_blocker.unblock():
        call_command("seed", verbosity=0)
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


def test_the_content_loads_into_an_empty_database_with_twenty_frameworks_and_27_criteria(content):
    frameworks = set(Framework.objects.published().values_list("slug", flat=True))

    assert FIRST_EDITION_FRAMEWORKS.issubset(frameworks)
    assert len(frameworks) >= 20
    assert Criterion.objects.published().count() >= 27


def test_the_matrix_has_no_empty_cell(content):
    frameworks = Framework.objects.published().count()
    criteria = Criterion.objects.published().count()

    assert Assessment.objects.published().count() == frameworks * criteria


def test_every_assessment_cites_a_source_url(content):
    unsourced = Assessment.objects.filter(sources__isnull=True)

    assert list(unsourced) == []
    assert all(url.startswith("https://") for url in Assessment.objects.values_list("sources__url", flat=True))


def test_every_assessment_was_reviewed_and_summarised(content):
    assert not Assessment.objects.filter(summary="").exists()
    assert not Assessment.objects.filter(last_reviewed__isnull=True).exists()


def test_every_assessment_says_over_which_releases_it_holds(content):
    unversioned = Assessment.objects.filter(statements__isnull=True)

    assert [str(cell) for cell in unversioned] == []


def test_every_framework_shows_its_way_in_code_where_styles_differ(content):
    shown = set(CodeExample.objects.values_list("assessment__framework__slug", "assessment__criterion__slug"))
    missing = [
        f"{framework}/{criterion}"
        for framework in Framework.objects.published().values_list("slug", flat=True)
        for criterion in STYLE_CRITERIA
        if (framework, criterion) not in shown
    ]

    assert missing == []


def test_at_least_eight_published_comparisons_each_with_a_point_on_every_criterion(content):
    criteria = set(Criterion.objects.published().values_list("slug", flat=True))
    comparisons = Comparison.objects.published()

    assert comparisons.count() >= 8
    for comparison in comparisons:
        assert comparison.tldr and comparison.conclusion, comparison.slug
        assert set(comparison.points.values_list("criterion__slug", flat=True)) == criteria, comparison.slug


def test_every_markdown_field_renders_without_warnings(content, caplog):
    sources = [
        *Framework.objects.values_list("description", flat=True),
        *Criterion.objects.values_list("description", flat=True),
        *Assessment.objects.values_list("details", flat=True),
        *Comparison.objects.values_list("tldr", flat=True),
        *Comparison.objects.values_list("introduction", flat=True),
        *Comparison.objects.values_list("conclusion", flat=True),
    ]
    with warnings.catch_warnings(), caplog.at_level(logging.WARNING):
        warnings.simplefilter("error")
        for source in sources:
            render_markdown(source)

    assert caplog.records == []


def test_every_page_of_the_content_renders(client, content):
    for framework in Framework.objects.all():
        assert client.get(framework.get_absolute_url()).status_code == 200
    for criterion in Criterion.objects.all():
        assert client.get(criterion.get_absolute_url()).status_code == 200
    for comparison in Comparison.objects.all():
        assert client.get(comparison.get_absolute_url()).status_code == 200


def test_every_code_example_has_its_probe_up_to_date(content):
    call_command("write_example_probes", "--check", verbosity=0)


def test_every_code_example_ran_as_shown_on_the_release_it_names(content):
    missing = []
    for example in CodeExample.objects.select_related("assessment__framework", "release"):
        runs = Evidence.objects.filter(
            assessment=example.assessment,
            kind="example",
            example_sha=example_sha(example),
            release=example.release,
            outcome="passed",
        )
        if not runs.exists():
            missing.append(f"{example.assessment}: {example.title}")
    assert missing == []


def test_probes_ran_on_most_cells_of_the_matrix(content):
    cells = Assessment.objects.count()
    probed = Assessment.objects.filter(evidence__isnull=False).distinct().count()

    assert probed >= 0.6 * cells, f"{probed} of {cells} cells have a probe result"
