"""The fragment cache: compare pages not cached yet are built from cells that other pages rendered.

A framework's column of rendered matrix cells is kept under the content
version. Whatever changes — an edit, a delete, a revert, a renamed extension
or criterion, a new comparison — the next compare page shows it, even with
readers' whole pages not cached at all (READER_CACHE_SECONDS=0).
"""

import datetime
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from comparisons import caching, services
from comparisons.dataset import dump_dataset, export_dataset
from comparisons.models import Assessment, DataCredit, Source

from .factories import (
    AssessmentFactory,
    ComparisonFactory,
    ComparisonPointFactory,
    ExtensionFactory,
    SourceFactory,
)

COMPARE = "/compare/django-vs-flask/"

# Only the fragment cache is at work: every request builds its page.
pytestmark = pytest.mark.usefixtures("pages_not_cached")


@pytest.fixture
def flask_forms(db):
    """Flask and Django assessed on forms; Flask's cell names an extension and a source."""
    flask_cell = AssessmentFactory(
        framework__name="Flask", framework__slug="flask", criterion__name="Forms", summary="Flask-WTF fills the gap"
    )
    flask_cell.extensions.add(ExtensionFactory(name="WTForms"))
    SourceFactory(assessment=flask_cell, title="Flask patterns: forms")
    AssessmentFactory(framework__name="Django", framework__slug="django", criterion=flask_cell.criterion)
    return flask_cell


def compare_page(path=COMPARE) -> str:
    response = Client().get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_a_second_request_shows_the_same_page_with_fewer_queries(
    flask_forms, django_assert_max_num_queries, django_assert_num_queries
):
    connection.features.supports_json_field  # noqa: B018 (SQLite asks once per connection: not the page's query)
    with django_assert_max_num_queries(10) as first_queries:
        first = compare_page()

    with django_assert_max_num_queries(len(first_queries) - 1):  # no assessment, source or extension is read
        second = compare_page()

    assert second == first


def test_another_set_of_frameworks_shows_the_cells_it_shares_and_its_own(flask_forms):
    pyramid_cell = AssessmentFactory(
        framework__name="Pyramid", framework__slug="pyramid", criterion=flask_forms.criterion, summary="Deform"
    )
    compare_page()

    page = compare_page("/compare/django-vs-flask-vs-pyramid/")

    assert "Deform" in page and "Flask-WTF fills the gap" in page and pyramid_cell.framework.name in page


def test_an_edit_is_seen_in_the_matrix_on_the_next_request(flask_forms):
    compare_page()

    flask_forms.summary = "Flask-WTF, summarised anew"
    flask_forms.save()

    assert "Flask-WTF, summarised anew" in compare_page()


def test_a_deleted_assessment_leaves_the_matrix_on_the_next_request(flask_forms):
    assert flask_forms.summary in compare_page()

    flask_forms.delete()

    page = compare_page()
    assert flask_forms.summary not in page and "Not assessed yet" in page


def test_a_revert_is_seen_in_the_matrix_on_the_next_request(flask_forms):
    original = flask_forms.summary
    flask_forms.summary = "A mistake"
    flask_forms.save()
    assert "A mistake" in compare_page()

    services.revert_to(flask_forms.history.filter(summary=original).first(), read_version=flask_forms.version)

    page = compare_page()
    assert "A mistake" not in page and original in page


def test_an_import_is_seen_in_the_matrix_on_the_next_request(flask_forms, tmp_path):
    compare_page()
    data = export_dataset()
    cell = next(row for row in data["assessments"] if row["framework"] == "flask")
    cell["summary"] = "Imported: Flask-WTF"
    dataset = tmp_path / "dataset.json"
    dataset.write_text(dump_dataset(data))

    call_command("import_dataset", str(dataset), verbosity=0)

    assert "Imported: Flask-WTF" in compare_page()


def test_a_renamed_extension_and_a_new_source_are_seen_in_the_cells_that_show_them(flask_forms):
    compare_page()

    extension = flask_forms.extensions.get()
    extension.name = "WTForms (renamed)"
    extension.save()
    Source.objects.create(assessment=flask_forms, title="A source added later", url="https://example.org/later")

    page = compare_page()
    assert "WTForms (renamed)" in page and "A source added later" in page


def test_a_renamed_criterion_is_seen_on_the_next_request(flask_forms):
    compare_page()

    criterion = flask_forms.criterion
    criterion.name = "Forms and validation"
    criterion.save()

    assert "Forms and validation" in compare_page()


def test_a_renamed_group_and_a_new_data_credit_are_seen_on_the_next_request(flask_forms):
    compare_page()

    group = flask_forms.criterion.group
    group.name = "Input handling"
    group.save()
    DataCredit.objects.create(name="CC0-1.0", url="https://creativecommons.org/publicdomain/zero/1.0/", attribution="A")

    page = compare_page()
    assert re.search(r'<option value="[^"]+">Input handling</option>', page)  # the group picker
    assert "includes data from A under" in page  # the footer


def test_weights_a_reader_gave_are_shown_after_the_blank_weights_were_cached(flask_forms):
    """The selects of a page with no weights are shared; a reader's own weights are never replaced by them."""
    name = f"w-{flask_forms.criterion.slug}"
    compare_page()
    fit_page = Client().get("/fit/").content.decode()

    weighted = compare_page(f"{COMPARE}?{name}=3")
    weighted_fit = Client().get(f"/fit/?{name}=3").content.decode()

    for page in (weighted, weighted_fit):
        assert '<option value="3" selected>' in page
    assert 'value="3" selected' not in fit_page


def test_a_renamed_criterion_is_seen_in_the_weights_on_the_next_request(flask_forms):
    compare_page()
    Client().get("/fit/")
    criterion = flask_forms.criterion
    criterion.name = "Forms and validation"
    criterion.save()

    for page in (compare_page(), Client().get("/fit/").content.decode()):
        assert re.search(r'<label for="[^"]+">Forms and validation</label>', page)


def test_a_comparison_published_for_a_set_is_seen_on_the_next_request(flask_forms):
    assert "Key difference" not in compare_page()

    comparison = ComparisonFactory(
        frameworks=[flask_forms.framework, Assessment.objects.get(framework__slug="django").framework]
    )
    ComparisonPointFactory(comparison=comparison, criterion=flask_forms.criterion, key_difference="Batteries vs choice")

    page = compare_page()
    assert "Key difference" in page and "Batteries vs choice" in page


def test_the_needs_review_badge_appears_on_a_cached_cell_when_its_day_comes(flask_forms, settings):
    age = (timezone.localdate() - flask_forms.last_reviewed).days
    settings.ASSESSMENT_STALE_AFTER_DAYS = age + 1
    assert "Needs review" not in compare_page()

    # Time passes and nothing is edited: the next day, the cell is due.
    tomorrow = timezone.localdate() + datetime.timedelta(days=2)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
        assert "Needs review" in compare_page()


def test_a_change_made_through_another_app_server_is_seen_at_once(flask_forms):
    compare_page()

    # Another app server edits: it replaces the shared content version and nothing else.
    Assessment.objects.filter(pk=flask_forms.pk).update(summary="Changed on the other server")
    caching.bump_content_version()

    assert "Changed on the other server" in compare_page()


def test_the_page_is_built_in_full_when_the_cache_is_down(flask_forms, monkeypatch):
    expected = compare_page()

    def unreachable(*args, **kwargs):
        raise ConnectionError("Redis is down")

    for method in ("get", "get_many", "set", "set_many", "add"):
        monkeypatch.setattr(cache, method, unreachable)

    assert compare_page() == expected


def test_with_the_fragment_cache_off_every_cell_is_built_every_time(flask_forms, settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    expected = compare_page()

    Assessment.objects.filter(pk=flask_forms.pk).update(summary="Changed without a signal")

    page = compare_page()
    assert page != expected and "Changed without a signal" in page


def test_text_in_a_cached_cell_stays_escaped(db):
    AssessmentFactory(framework__slug="flask", summary="<script>alert(1)</script>")
    AssessmentFactory(framework__slug="django")

    for _ in range(2):  # built, then from the cached column
        page = compare_page()
        assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
