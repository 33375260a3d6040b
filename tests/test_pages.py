"""The first public pages: what a reader sees, and what they never see."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comparisons.choices import ComparisonStatus

from .factories import (
    AssessmentFactory,
    CodeExampleFactory,
    ComparisonFactory,
    CriterionFactory,
    FrameworkFactory,
    ReleaseFactory,
    SupportStatementFactory,
    build_matrix,
)

pytestmark = pytest.mark.django_db


def test_home_lists_published_frameworks_comparisons_and_criteria(client, flask_and_django):
    FrameworkFactory(name="Secret draft", is_published=False)

    response = client.get("/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Django" in page
    assert "Flask" in page
    assert "Flask vs Django" in page
    assert "The request object" in page
    assert "Secret draft" not in page


def test_framework_page_shows_every_assessment_with_sources(client, flask_and_django):
    response = client.get("/frameworks/flask/")

    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('class="assessment"') == 4
    assert "Flask-WTF" in page
    assert "https://flask.palletsprojects.com/patterns/wtforms/" in page
    assert "Last reviewed" in page


def test_criterion_page_shows_how_each_framework_handles_it(client, flask_and_django):
    response = client.get("/criteria/forms/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Via extension" in page
    assert "Built in" in page


def test_compare_page_shows_the_matrix_and_the_editors_comparison(client, flask_and_django):
    response = client.get("/compare/django-vs-flask/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "TL;DR" in page
    assert page.count('<th scope="row">') == 4
    assert "Edge: Django" in page


def test_compare_without_an_editors_comparison_still_shows_the_matrix(client):
    assessment = AssessmentFactory(framework__slug="aiohttp")
    AssessmentFactory(framework__slug="bottle", criterion=assessment.criterion)

    response = client.get("/compare/aiohttp-vs-bottle/")

    assert response.status_code == 200
    assert "TL;DR" not in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/compare/flask-vs-django/",
        "/compare/django-vs-flask-vs-django/",
        "/compare/?frameworks=flask&frameworks=django",
    ],
)
def test_compare_urls_redirect_permanently_to_the_canonical_one(client, flask_and_django, url):
    response = client.get(url)

    assert response.status_code == 301
    assert response.url == "/compare/django-vs-flask/"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?frameworks=flask", "Choose at least two frameworks"),
        ("?frameworks=flask&frameworks=nope", "“nope” is not a published framework."),
        ("?frameworks=", "Choose at least two frameworks"),
    ],
)
def test_the_compare_picker_names_what_is_wrong(client, flask_and_django, query, message):
    response = client.get(f"/compare/{query}")

    assert response.status_code == 400
    assert message in response.content.decode()


def test_compare_refuses_more_than_six_frameworks(client):
    slugs = sorted(FrameworkFactory().slug for _ in range(7))

    response = client.get("/compare/" + "-vs-".join(slugs) + "/")

    assert response.status_code == 400
    assert "Compare at most 6 frameworks at a time; you chose 7." in response.content.decode()


@pytest.mark.parametrize("url", ["/frameworks/nope/", "/criteria/nope/", "/compare/django-vs-nope/"])
def test_unknown_slugs_are_404(client, flask_and_django, url):
    assert client.get(url).status_code == 404


def test_drafts_are_invisible_to_the_public(client, flask_and_django):
    draft = FrameworkFactory(slug="draftwork", is_published=False)
    CriterionFactory(slug="draft-criterion", is_published=False)

    assert client.get("/frameworks/draftwork/").status_code == 404
    assert client.get("/criteria/draft-criterion/").status_code == 404
    assert client.get(f"/compare/{draft.slug}-vs-flask/").status_code == 404


def test_a_draft_comparison_does_not_appear_on_the_compare_page(client):
    first, second = FrameworkFactory(slug="alpha"), FrameworkFactory(slug="beta")
    ComparisonFactory(frameworks=[first, second], status=ComparisonStatus.DRAFT, published_at=None, tldr="Secret")

    page = client.get("/compare/alpha-vs-beta/").content.decode()

    assert "Secret" not in page


# Queries of a page built from nothing, and of the same page once the fragment cache holds its parts
# (rows, cells, surroundings: comparisons/page_parts.py, matrix.py): neither grows with the matrix.
MAX_QUERIES_BUILT_FROM_NOTHING = 10
MAX_QUERIES = 10
# A framework page at a release also reads the statements that say what held there.
MAX_QUERIES_AT_A_RELEASE_BUILT_FROM_NOTHING = MAX_QUERIES_BUILT_FROM_NOTHING + 1


def count_queries(client, url) -> tuple[int, int]:
    """The queries of `url` built from nothing (no page or fragment another request cached), then again.

    SQLite is asked once per connection whether it has JSON functions; that is asked first, so the
    count is the page's own whichever test ran before.
    """
    cache.clear()
    connection.features.supports_json_field  # noqa: B018 (a probe, cached on the connection)
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
    return tuple(counts)


def assert_bounded(urls, counts, built_limit=MAX_QUERIES_BUILT_FROM_NOTHING):
    built, again = zip(*counts, strict=True)
    assert max(built) <= built_limit, list(zip(urls, built, strict=True))
    assert max(again) <= MAX_QUERIES, list(zip(urls, again, strict=True))


def page_urls(frameworks, criteria):
    pair = "-vs-".join(sorted(framework.slug for framework in frameworks[:2]))
    four = "-vs-".join(sorted(framework.slug for framework in frameworks[:4]))
    weights = f"w-{criteria[0].slug}=3&w-{criteria[1].slug}=1"
    return [
        "/",
        "/frameworks/",
        f"/frameworks/?supports={criteria[0].slug}&supports={criteria[1].slug}&level=extension&ordering=-year",
        frameworks[0].get_absolute_url(),
        "/criteria/",
        criteria[0].get_absolute_url(),
        f"{criteria[0].get_absolute_url()}?level=built_in&stale=false",
        f"/compare/{pair}/",
        f"/compare/{four}/?differences=on&{weights}",
        f"/fit/?{weights}",
        f"/fit/?{weights}&extension=0",
        "/matrix/",
        f"/matrix/?supports={criteria[0].slug}&level=extension",
        f"/compare/{four}/?view=grid&{weights}",
        f"/embed/compare/{four}/",
        f"{frameworks[0].get_absolute_url()}{criteria[0].slug}/badge.svg",
        f"{frameworks[0].get_absolute_url()}social.png",
        f"/compare/{four}/social.png",
        "/coverage/",
        "/embed/",
        "/comparisons/",
        f"/comparisons/?framework={frameworks[0].slug}",
        "/search/?q=framework",
        "/sitemap.xml",
        "/feeds/recent.atom",
    ]


def test_each_page_runs_the_same_number_of_queries_at_any_size(client):
    small = page_urls(*build_matrix(frameworks=4, criteria=3))
    small_counts = [count_queries(client, url) for url in small]

    large = page_urls(*build_matrix(frameworks=8, criteria=12))
    large_counts = [count_queries(client, url) for url in large]

    assert small_counts == large_counts, list(zip(large, small_counts, large_counts, strict=True))
    assert_bounded(large, large_counts)


@pytest.mark.parametrize(
    "url",
    ["/compare/fla%00sk-vs-django/", "/compare/caf%C3%A9-vs-django/", "/frameworks/fla%00sk/", "/criteria/%00/"],
)
def test_malformed_slugs_are_404_not_500(client, url):
    assert client.get(url).status_code == 404


def test_a_comparison_with_a_draft_framework_is_not_listed(client, flask_and_django):
    from comparisons.models import Framework

    Framework.objects.filter(slug="flask").update(is_published=False)

    page = client.get("/").content.decode()

    assert "Flask vs Django" not in page


def build_versioned_matrix(frameworks: int, criteria: int):
    """A matrix whose frameworks each have three releases and whose cells each hold two statements and code."""
    framework_rows, criterion_rows = build_matrix(frameworks, criteria)
    for framework in framework_rows:
        old, middle, _ = (ReleaseFactory(framework=framework, version=version) for version in ("1.0", "2.0", "3.0"))
        for assessment in framework.assessments.all():
            SupportStatementFactory(assessment=assessment, support_level="none", until=middle)
            SupportStatementFactory(assessment=assessment, support_level="built_in", since=middle)
            CodeExampleFactory(assessment=assessment, release=old)
    return framework_rows, criterion_rows


def versioned_urls(frameworks, criteria):
    pair = f"{frameworks[0].slug}@1.0-vs-{frameworks[1].slug}@2.0"
    return [
        f"/compare/{pair}/",
        f"/compare/{frameworks[0].slug}@1.0-vs-{frameworks[0].slug}/?w-{criteria[0].slug}=3",
        f"/compare/{pair}/?view=grid",
        f"{frameworks[0].get_absolute_url()}?release=1.0",
        f"{frameworks[0].get_absolute_url()}{criteria[0].slug}/",
        f"/api/v1/compare/?frameworks={frameworks[0].slug}@1.0,{frameworks[1].slug}",
        f"/api/v1/frameworks/{frameworks[0].slug}/releases/",
        f"/api/v1/assessments/?framework={frameworks[0].slug}",
        f"/api/v1/frameworks/{frameworks[0].slug}/",
    ]


def test_pages_at_releases_run_the_same_number_of_queries_at_any_size(client):
    small_counts = [count_queries(client, url) for url in versioned_urls(*build_versioned_matrix(2, 3))]
    large = versioned_urls(*build_versioned_matrix(6, 12))
    large_counts = [count_queries(client, url) for url in large]

    assert small_counts == large_counts, list(zip(large, small_counts, large_counts, strict=True))
    assert_bounded(large, large_counts, built_limit=MAX_QUERIES_AT_A_RELEASE_BUILT_FROM_NOTHING)
