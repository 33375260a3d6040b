"""Listings built from cached rows: criterion and framework pages, framework cards, the fit ranking, API lists.

With readers' whole pages not cached (READER_CACHE_SECONDS=0), a listing asks
the database which rows it shows and takes their HTML (or JSON) from the
fragment cache. Whatever an editor changes, the next request shows it; a
repeated request reads no row in full.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.utils import timezone

from comparisons import caching

from .factories import AssessmentFactory, FrameworkFactory, SourceFactory, TagFactory

API = "/api/v1"

# Only the fragment cache is at work: every request builds its page.
pytestmark = pytest.mark.usefixtures("pages_not_cached")


@pytest.fixture
def flask_forms(db):
    """Flask and Django assessed on forms; Flask's cell cites a source."""
    cell = AssessmentFactory(
        framework__name="Flask",
        framework__slug="flask",
        framework__summary="A micro framework",
        criterion__name="Forms",
        criterion__slug="forms",
        summary="Flask-WTF fills the gap",
        support_level="extension",
    )
    SourceFactory(assessment=cell, title="Flask patterns: forms")
    AssessmentFactory(framework__name="Django", framework__slug="django", criterion=cell.criterion)
    return cell


LISTINGS_OF_THE_CELL = [
    "/criteria/forms/",
    "/criteria/forms/?level=extension&stale=false",
    "/frameworks/flask/",
    f"{API}/assessments/",
    f"{API}/assessments/?framework=flask",
    f"{API}/compare/?frameworks=django,flask",
]


def text_of(url: str, client=None) -> str:
    response = (client or Client()).get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("url", LISTINGS_OF_THE_CELL)
def test_an_edit_to_a_cell_is_seen_on_the_next_request(flask_forms, url):
    assert "Flask-WTF fills the gap" in text_of(url)

    flask_forms.summary = "Flask-WTF, summarised anew"
    flask_forms.save()

    page = text_of(url)
    assert "Flask-WTF, summarised anew" in page and "Flask-WTF fills the gap" not in page


@pytest.mark.parametrize("url", LISTINGS_OF_THE_CELL)
def test_a_new_source_is_seen_on_the_next_request(flask_forms, url):
    text_of(url)

    SourceFactory(assessment=flask_forms, title="Flask-WTF quickstart")

    assert "Flask-WTF quickstart" in text_of(url)


@pytest.mark.parametrize("url", LISTINGS_OF_THE_CELL)
def test_a_deleted_cell_leaves_the_listing_on_the_next_request(flask_forms, url):
    text_of(url)

    flask_forms.delete()

    assert "Flask-WTF fills the gap" not in text_of(url)


def test_a_cell_whose_level_changes_moves_between_a_criterion_pages_filters_on_the_next_request(flask_forms):
    built_in, via_extension = "/criteria/forms/?level=built_in", "/criteria/forms/?level=extension"
    assert "Flask-WTF fills the gap" not in text_of(built_in)
    assert "Flask-WTF fills the gap" in text_of(via_extension)

    flask_forms.support_level = "built_in"
    flask_forms.save()

    assert "Flask-WTF fills the gap" in text_of(built_in)
    assert "Flask-WTF fills the gap" not in text_of(via_extension)


@pytest.mark.parametrize(
    "url",
    [
        *LISTINGS_OF_THE_CELL,
        "/",
        "/frameworks/",
        "/frameworks/?supports=forms&level=extension",
        "/fit/?w-forms=3",
        "/search/?q=flask",
        f"{API}/frameworks/",
    ],
)
def test_a_repeated_request_shows_the_same_and_reads_less(flask_forms, url, django_assert_max_num_queries):
    cache.clear()
    connection.features.supports_json_field  # noqa: B018 (SQLite asks once per connection: not the page's query)
    with django_assert_max_num_queries(14) as first:
        built = text_of(url)

    with django_assert_max_num_queries(len(first) - 1):
        again = text_of(url)

    assert again == built


@pytest.mark.parametrize("url", ["/", "/frameworks/", f"{API}/frameworks/"])
def test_a_framework_renamed_or_tagged_is_seen_on_its_card_on_the_next_request(flask_forms, url):
    text_of(url)

    framework = flask_forms.framework
    framework.name = "Flask (Pallets)"
    framework.save()
    framework.tags.add(TagFactory(name="Microframework", slug="microframework"))

    page = text_of(url)
    assert "Flask (Pallets)" in page and "microframework" in page.lower()


def test_a_new_framework_is_counted_and_listed_on_the_next_request(flask_forms):
    assert '"count":2' in text_of(f"{API}/frameworks/").replace(" ", "")

    FrameworkFactory(name="Pyramid", slug="pyramid")

    listing = text_of(f"{API}/frameworks/").replace(" ", "")
    assert '"count":3' in listing and "Pyramid" in listing
    assert "Pyramid" in text_of("/frameworks/")


def test_search_finds_an_edit_on_the_next_request(flask_forms):
    assert flask_forms.get_absolute_url() not in text_of("/search/?q=pallets")

    flask_forms.summary = "Flask-WTF, from the Pallets projects"
    flask_forms.save()

    assert flask_forms.get_absolute_url() in text_of("/search/?q=pallets")


def test_the_fit_ranking_shows_a_changed_level_on_the_next_request(flask_forms):
    assert "Via extension" in text_of("/fit/?w-forms=3")

    flask_forms.support_level = "built_in"
    flask_forms.save()

    page = text_of("/fit/?w-forms=3")
    assert "Via extension" not in page.split('id="fit--flask"')[1].split("</tr>")[0]


def test_the_fit_ranking_ranks_a_new_framework_and_drops_a_withdrawn_one_on_the_next_request(flask_forms):
    assert 'id="fit--pyramid"' not in text_of("/fit/?w-forms=3")

    AssessmentFactory(framework__name="Pyramid", framework__slug="pyramid", criterion=flask_forms.criterion)
    assert 'id="fit--pyramid"' in text_of("/fit/?w-forms=3")

    flask_forms.framework.is_published = False
    flask_forms.framework.save()
    assert 'id="fit--flask"' not in text_of("/fit/?w-forms=3")


@pytest.mark.parametrize("listing", ["/frameworks/", f"{API}/frameworks/"])
def test_a_framework_joins_and_leaves_filtered_listings_when_its_level_changes(flask_forms, listing):
    at_least_extension = f"{listing}?supports=forms&level=extension"
    built_in = f"{listing}?supports=forms&level=built_in"
    assert "/frameworks/flask/" in text_of(at_least_extension) and "/frameworks/flask/" not in text_of(built_in)

    flask_forms.support_level = "built_in"
    flask_forms.save()
    assert "/frameworks/flask/" in text_of(built_in)

    flask_forms.support_level = "none"
    flask_forms.save()
    assert "/frameworks/flask/" not in text_of(at_least_extension) and "/frameworks/flask/" not in text_of(built_in)


@pytest.mark.parametrize(
    ("compare", "withdrawn_status"),
    [("/compare/django-vs-flask/", 404), (f"{API}/compare/?frameworks=django,flask", 400)],
)
def test_a_compared_framework_renamed_or_withdrawn_is_seen_on_the_next_request(flask_forms, compare, withdrawn_status):
    assert "Flask" in text_of(compare)

    flask = flask_forms.framework
    flask.name = "Flask (Pallets)"
    flask.save()
    assert "Flask (Pallets)" in text_of(compare)

    flask.is_published = False
    flask.save()
    assert Client().get(compare).status_code == withdrawn_status


def test_a_criterion_withdrawn_is_refused_by_the_filters_on_the_next_request(flask_forms):
    assert Client().get("/frameworks/?supports=forms").status_code == 200

    flask_forms.criterion.is_published = False
    flask_forms.criterion.save()

    response = Client().get("/frameworks/?supports=forms")
    assert response.status_code == 400
    assert "No published criterion has the slug or name “forms”." in response.content.decode()


STALE_BADGE = 'class="badge badge--stale"'


def test_the_needs_review_badge_appears_on_cached_rows_when_its_day_comes(flask_forms, settings):
    age = (timezone.localdate() - flask_forms.last_reviewed).days
    settings.ASSESSMENT_STALE_AFTER_DAYS = age + 1
    assert STALE_BADGE not in text_of("/criteria/forms/")
    assert STALE_BADGE not in text_of("/frameworks/flask/")

    later = timezone.localdate() + datetime.timedelta(days=2)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "localdate", lambda *args, **kwargs: later)
        assert STALE_BADGE in text_of("/criteria/forms/")
        assert STALE_BADGE in text_of("/frameworks/flask/")


def test_an_api_row_turns_stale_when_its_day_comes(flask_forms, settings):
    age = (timezone.localdate() - flask_forms.last_reviewed).days
    settings.ASSESSMENT_STALE_AFTER_DAYS = age + 1
    assert '"is_stale":false' in text_of(f"{API}/assessments/?framework=flask").replace(" ", "")

    later = timezone.localdate() + datetime.timedelta(days=2)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "localdate", lambda *args, **kwargs: later)
        assert '"is_stale":true' in text_of(f"{API}/assessments/?framework=flask").replace(" ", "")


def test_a_change_made_through_another_app_server_is_seen_at_once(flask_forms):
    for url in LISTINGS_OF_THE_CELL:
        text_of(url)

    # Another app server edits: it replaces the shared content version and nothing else.
    type(flask_forms).objects.filter(pk=flask_forms.pk).update(summary="Changed on the other server")
    caching.bump_content_version()

    for url in LISTINGS_OF_THE_CELL:
        assert "Changed on the other server" in text_of(url)


def test_api_rows_name_the_host_each_client_asked(flask_forms, settings):
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example.org"]
    assert "http://testserver/api/v1/assessments/" in text_of(f"{API}/assessments/")

    listing = Client(HTTP_HOST="mirror.example.org").get(f"{API}/assessments/").content.decode()

    assert "http://mirror.example.org/api/v1/assessments/" in listing and "testserver" not in listing


def test_staff_see_drafts_in_api_lists_that_readers_had_cached(flask_forms, admin_client):
    text_of(f"{API}/frameworks/")
    draft = FrameworkFactory(name="Sanic", slug="sanic", is_published=False)
    type(draft).objects.filter(pk=draft.pk).update(is_published=False)

    assert "Sanic" not in text_of(f"{API}/frameworks/")
    assert "Sanic" in text_of(f"{API}/frameworks/", admin_client)


def test_the_listings_are_built_in_full_when_the_cache_is_down(flask_forms, monkeypatch):
    expected = {url: text_of(url) for url in LISTINGS_OF_THE_CELL}

    def unreachable(*args, **kwargs):
        raise ConnectionError("Redis is down")

    for method in ("get", "get_many", "set", "set_many", "add"):
        monkeypatch.setattr(cache, method, unreachable)

    assert {url: text_of(url) for url in LISTINGS_OF_THE_CELL} == expected


def test_text_in_cached_rows_stays_escaped(db):
    AssessmentFactory(
        framework__slug="flask", framework__summary="<b>bold</b>", criterion__slug="forms", summary="<script>x</script>"
    )

    for _ in range(2):  # built, then from the cache
        for url in ("/criteria/forms/", "/frameworks/flask/", "/frameworks/", "/"):
            page = text_of(url)
            assert "<script>x</script>" not in page and "<b>bold</b>" not in page
