"""The fragment cache: compare pages not cached yet are built from cells other pages built.

A matrix cell's HTML is kept under the content version, and so are the lists
every matrix page reads (published criteria, the sets of frameworks with a
comparison). Whatever changes — an edit, a delete, a revert, a renamed
extension or criterion, a new comparison — the next compare page shows it,
even with readers' whole pages not cached at all (READER_CACHE_SECONDS=0).
"""

import datetime

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from comparisons import caching, services
from comparisons.dataset import dump_dataset, export_dataset
from comparisons.models import Assessment, Comparison, Criterion, Extension, Framework, Source

from .factories import AssessmentFactory, FrameworkFactory, build_matrix

COMPARE = "/compare/django-vs-flask/"


@pytest.fixture(autouse=True)
def pages_not_cached(settings):
    """Only the fragment cache is at work: every request builds its page."""
    settings.READER_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 86400


@pytest.fixture
def flask_forms(seeded):
    return Assessment.objects.get(framework__slug="flask", criterion__slug="forms")


def compare_page(path=COMPARE) -> str:
    response = Client().get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_a_second_request_reuses_the_cells_and_shows_the_same_page(seeded, django_assert_max_num_queries):
    first = compare_page()

    # The frameworks, the editors' comparison and its key differences, each cell's level and review date.
    with django_assert_max_num_queries(4):
        second = compare_page()

    assert second == first


def test_another_set_of_frameworks_reuses_the_cells_it_shares(seeded):
    pyramid = FrameworkFactory(name="Pyramid", slug="pyramid")
    AssessmentFactory(framework=pyramid, criterion=Criterion.objects.get(slug="forms"), summary="Deform")
    compare_page()
    built = []
    original = caching.cached_fragments

    def counting(kind, ids, build):
        return original(kind, ids, lambda missing: built.extend(missing) or build(missing))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(caching, "cached_fragments", counting)
        page = compare_page("/compare/django-vs-flask-vs-pyramid/")

    assert built == [pyramid.pk]  # only the new framework's column of cells
    assert "Deform" in page and "WTForms" in page


def test_an_edit_is_seen_in_the_matrix_on_the_next_request(flask_forms):
    compare_page()

    flask_forms.summary = "WTForms, summarised anew"
    flask_forms.save()

    assert "WTForms, summarised anew" in compare_page()


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
    cell = next(row for row in data["assessments"] if row["framework"] == "flask" and row["criterion"] == "forms")
    cell["summary"] = "Imported: WTForms"
    dataset = tmp_path / "dataset.json"
    dataset.write_text(dump_dataset(data))

    call_command("import_dataset", str(dataset), verbosity=0)

    assert "Imported: WTForms" in compare_page()


def test_a_renamed_extension_and_a_new_source_are_seen_in_the_cells_that_show_them(flask_forms):
    compare_page()

    wtforms = Extension.objects.get(slug="wtforms")  # the seed links it to Flask's forms
    wtforms.name = "WTForms (renamed)"
    wtforms.save()
    Source.objects.create(assessment=flask_forms, title="A source added later", url="https://example.org/later")

    page = compare_page()
    assert "WTForms (renamed)" in page and "A source added later" in page


def test_a_renamed_criterion_is_seen_on_the_next_request(seeded):
    compare_page()

    forms = Criterion.objects.get(slug="forms")
    forms.name = "Forms and validation"
    forms.save()

    assert "Forms and validation" in compare_page()


def test_a_comparison_published_for_a_set_is_seen_on_the_next_request(seeded):
    pyramid = FrameworkFactory(name="Pyramid", slug="pyramid")
    path = "/compare/flask-vs-pyramid/"
    assert "Key difference" not in compare_page(path)

    comparison = Comparison.objects.get()
    comparison.frameworks.set([Framework.objects.get(slug="flask"), pyramid])

    assert "Key difference" in compare_page(path)
    assert "Key difference" not in compare_page()


def test_the_needs_review_badge_appears_on_a_cached_cell_when_its_day_comes(flask_forms, settings):
    age = (timezone.localdate() - flask_forms.last_reviewed).days
    settings.ASSESSMENT_STALE_AFTER_DAYS = age + 1
    assert "Needs review" not in compare_page()

    settings.ASSESSMENT_STALE_AFTER_DAYS = age - 1  # the same as a day passing: nothing was edited

    assert "Needs review" in compare_page()


def test_a_change_made_through_another_app_server_is_seen_at_once(flask_forms):
    compare_page()

    # Another app server edits: it replaces the shared content version and nothing else.
    Assessment.objects.filter(pk=flask_forms.pk).update(summary="Changed on the other server")
    caching.bump_content_version()

    assert "Changed on the other server" in compare_page()


def test_the_page_is_built_in_full_when_the_cache_is_down(seeded, monkeypatch):
    expected = compare_page()

    def unreachable(*args, **kwargs):
        raise ConnectionError("Redis is down")

    for method in ("get", "get_many", "set", "set_many", "add"):
        monkeypatch.setattr(cache, method, unreachable)

    assert compare_page() == expected


def test_with_the_fragment_cache_off_every_cell_is_built_every_time(seeded, settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    expected = compare_page()

    Assessment.objects.filter(framework__slug="flask", criterion__slug="forms").update(
        last_reviewed=datetime.date(2020, 1, 1), summary="Changed without a signal"
    )

    page = compare_page()
    assert page != expected and "Changed without a signal" in page


def test_a_readers_request_reads_the_content_version_once(seeded, monkeypatch):
    compare_page()
    reads = []
    real_get = cache.get

    def get(key, *args, **kwargs):
        reads.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", get)
    compare_page()

    # The lists read per version (criteria, frameworks, compared sets) and the cells share one reading.
    assert reads.count(caching.CONTENT_VERSION_KEY) == 1


@pytest.mark.django_db
def test_a_compare_page_of_plain_english_content_is_ascii():
    # Symbols and punctuation of the page itself are character references: one non-ASCII
    # character would make Python hold, copy and encode the whole page the slow way.
    frameworks, criteria = build_matrix(frameworks=3, criteria=4)
    levels = ["built_in", "extension", "partial", "none", "unknown"]
    for i, assessment in enumerate(Assessment.objects.filter(framework__in=frameworks)):
        assessment.support_level = levels[i % len(levels)]
        assessment.last_reviewed = datetime.date(2020, 1, 1)  # "Needs review" too
        assessment.save()

    page = f"/compare/{'-vs-'.join(sorted(f.slug for f in frameworks))}/?w-{criteria[0].slug}=3"
    built, from_cached_cells = Client().get(page), Client().get(page)

    assert built.status_code == from_cached_cells.status_code == 200
    assert "Needs review" in built.content.decode()
    assert '<option value="3" selected>Essential</option>' in built.content.decode()
    assert built.content.isascii()
    assert from_cached_cells.content == built.content
