"""The reader cache: readers get stored responses, and never one older than the last edit.

Every way content changes — an admin save or delete, a revert, an API write,
an import — must be visible on a reader's very next request.
"""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from comparisons import services
from comparisons.caching import CONTENT_VERSION_KEY
from comparisons.dataset import dump_dataset, export_dataset
from comparisons.models import Assessment, Framework, ProblemReport

from .factories import AssessmentFactory, SourceFactory, assessment_change_data

FLASK_PAGE = "/frameworks/flask/"


@pytest.fixture
def anonymous():
    """A reader's browser: never signed in (unlike `client`, which `editor_client` signs in)."""
    return Client()


@pytest.fixture
def seeded(db):
    """Flask, assessed on forms (with a source), as every test here needs it; and a second framework to compare."""
    assessment = AssessmentFactory(
        framework__name="Flask", framework__slug="flask", criterion__slug="forms", summary="Flask-WTF fills the gap"
    )
    SourceFactory(assessment=assessment)
    AssessmentFactory(framework__slug="django", criterion=assessment.criterion)
    return assessment


@pytest.fixture
def flask_forms(seeded):
    return seeded


def read(browser, path=FLASK_PAGE):
    response = browser.get(path)
    assert response.status_code == 200
    return response


def test_a_readers_second_request_is_answered_from_the_cache(anonymous, seeded, django_assert_num_queries):
    first = read(anonymous)

    with django_assert_num_queries(0):
        again = read(anonymous)

    assert (first["X-Cache"], again["X-Cache"]) == ("miss", "hit")
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]


def test_api_answers_are_cached_per_accept_header(anonymous, seeded):
    json_first = anonymous.get("/api/v1/frameworks/flask/", HTTP_ACCEPT="application/json")
    browsable = anonymous.get("/api/v1/frameworks/flask/", HTTP_ACCEPT="text/html")
    json_again = anonymous.get("/api/v1/frameworks/flask/", HTTP_ACCEPT="application/json")

    assert browsable["Content-Type"].startswith("text/html")
    assert json_again["Content-Type"] == "application/json"
    assert json_again["X-Cache"] == "hit"
    assert json_again.content == json_first.content


def test_cached_pages_still_answer_304_to_a_matching_etag(anonymous, seeded):
    etag = read(anonymous)["ETag"]

    assert anonymous.get(FLASK_PAGE, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_public_pages_let_shared_caches_store_them_but_revalidate_each_time(anonymous, seeded):
    response = read(anonymous)

    assert response["Cache-Control"] == "public, no-cache"
    assert "Cookie" in response["Vary"]


def test_a_cdn_may_be_allowed_to_serve_pages_for_a_while(anonymous, seeded, settings):
    settings.CDN_CACHE_SECONDS = 120

    assert read(anonymous)["Cache-Control"] == "public, max-age=0, s-maxage=120"


# -- Invalidation: no stale page survives any kind of change -----------------------------------


def test_an_admin_save_is_seen_by_readers_on_the_next_request(anonymous, editor_client, flask_forms):
    read(anonymous)
    read(anonymous)

    data = assessment_change_data(flask_forms, summary="WTForms, now with a new summary")
    assert editor_client.post(f"/admin/comparisons/assessment/{flask_forms.pk}/change/", data).status_code == 302

    assert "WTForms, now with a new summary" in read(anonymous).content.decode()


def test_an_admin_delete_is_seen_by_readers_on_the_next_request(anonymous, editor_client, flask_forms):
    assert flask_forms.summary in read(anonymous).content.decode()

    url = f"/admin/comparisons/assessment/{flask_forms.pk}/delete/"
    assert editor_client.post(url, {"post": "yes"}).status_code == 302

    assert flask_forms.summary not in read(anonymous).content.decode()


def test_a_revert_is_seen_by_readers_on_the_next_request(anonymous, flask_forms):
    original = flask_forms.summary
    flask_forms.summary = "A mistake"
    flask_forms.save()
    assert "A mistake" in read(anonymous).content.decode()

    services.revert_to(flask_forms.history.filter(summary=original).first(), read_version=flask_forms.version)

    page = read(anonymous).content.decode()
    assert "A mistake" not in page and original in page


def test_an_api_write_is_seen_by_readers_on_the_next_request(anonymous, editor, flask_forms):
    read(anonymous, "/api/v1/assessments/flask/forms/")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")

    response = api.patch(
        "/api/v1/assessments/flask/forms/", {"summary": "Patched through the API", "version": flask_forms.version}
    )
    assert response.status_code == 200, response.content

    assert read(anonymous, "/api/v1/assessments/flask/forms/").json()["summary"] == "Patched through the API"
    assert "Patched through the API" in read(anonymous).content.decode()


def test_an_import_is_seen_by_readers_on_the_next_request(anonymous, seeded, tmp_path):
    read(anonymous)
    data = export_dataset()
    flask = next(row for row in data["frameworks"] if row["slug"] == "flask")
    flask["summary"] = "Imported: a micro framework"
    dataset = tmp_path / "dataset.json"
    dataset.write_text(dump_dataset(data))

    call_command("import_dataset", str(dataset), verbosity=0)

    assert "Imported: a micro framework" in read(anonymous).content.decode()


def test_unpublishing_takes_a_page_off_the_site_at_once(anonymous, seeded):
    read(anonymous)
    flask = Framework.objects.get(slug="flask")
    flask.is_published = False
    flask.save()

    assert anonymous.get(FLASK_PAGE).status_code == 404


def test_a_committed_change_replaces_the_version_again(flask_forms, django_capture_on_commit_callbacks):
    # Bumped at the write and once more at commit: a reader between the two
    # might have stored the old rows under the first new version.
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        before = cache.get(CONTENT_VERSION_KEY)
        flask_forms.summary = "Changed in a transaction"
        flask_forms.save()
        during = cache.get(CONTENT_VERSION_KEY)
    for callback in callbacks:
        callback()

    assert len({before, during, cache.get(CONTENT_VERSION_KEY)}) == 3


def test_a_readers_problem_report_does_not_flush_the_cache(anonymous, flask_forms):
    read(anonymous)
    version = cache.get(CONTENT_VERSION_KEY)

    ProblemReport.objects.create(assessment=flask_forms, message="The link is dead.")

    assert cache.get(CONTENT_VERSION_KEY) == version
    assert read(anonymous)["X-Cache"] == "hit"


# -- Never cached, never public -----------------------------------------------------------


def test_editors_are_never_served_a_readers_copy_and_their_pages_stay_private(anonymous, editor_client, seeded):
    read(anonymous)
    read(anonymous)  # a reader's copy is stored and served

    editor_page = editor_client.get(FLASK_PAGE)

    assert "X-Cache" not in editor_page
    assert editor_page["Cache-Control"] == "private, no-store"


def test_a_staff_preview_of_a_draft_is_neither_stored_nor_public(anonymous, editor_client, seeded):
    flask = Framework.objects.get(slug="flask")
    flask.is_published = False
    flask.save()

    preview = editor_client.get(FLASK_PAGE)

    assert preview.status_code == 200 and 'class="draft-banner"' in preview.content.decode()
    assert preview["Cache-Control"] == "private, no-store"
    assert anonymous.get(FLASK_PAGE).status_code == 404


def test_the_admin_is_never_cached(editor_client, seeded):
    first = editor_client.get("/admin/comparisons/framework/")
    second = editor_client.get("/admin/comparisons/framework/")

    assert "X-Cache" not in second
    assert "no-store" in first["Cache-Control"] and "private" in first["Cache-Control"]


def test_responses_that_set_a_cookie_are_never_stored(anonymous, flask_forms):
    url = "/frameworks/flask/forms/report/"
    first = anonymous.get(url)
    assert first.cookies  # the CSRF cookie for its form

    assert "X-Cache" not in anonymous.get(url)


def test_a_reader_with_messages_to_show_gets_a_fresh_page(anonymous, seeded):
    read(anonymous)
    anonymous.cookies["messages"] = "anything"

    assert "X-Cache" not in anonymous.get(FLASK_PAGE)


def test_api_clients_with_a_token_get_fresh_private_answers(editor, seeded):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    api.get("/api/v1/frameworks/")

    response = api.get("/api/v1/frameworks/")

    assert "X-Cache" not in response
    assert response["Cache-Control"] == "private, no-store"


def test_errors_are_not_stored(anonymous, seeded):
    anonymous.get("/frameworks/no-such-framework/")

    assert "X-Cache" not in anonymous.get("/frameworks/no-such-framework/")


# -- Outages and deploys -----------------------------------------------------------------------


def test_readers_are_served_when_the_cache_is_down(anonymous, seeded, monkeypatch):
    def unreachable(*args, **kwargs):
        raise ConnectionError("Redis is down")

    for method in ("get", "get_many", "set", "add"):
        monkeypatch.setattr(cache, method, unreachable)

    response = anonymous.get(FLASK_PAGE)

    assert response.status_code == 200 and "X-Cache" not in response


def test_an_editors_write_succeeds_when_the_cache_is_down(flask_forms, monkeypatch):
    def unreachable(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(cache, "set", unreachable)
    flask_forms.summary = "Saved during a cache outage"
    flask_forms.save()

    assert Assessment.objects.get(pk=flask_forms.pk).summary == "Saved during a cache outage"


def test_a_deploy_replaces_the_content_version(seeded):
    # Deploys run migrate: pages cached from the old templates must not be served by the new code.
    before = cache.get(CONTENT_VERSION_KEY)

    call_command("migrate", verbosity=0)

    assert cache.get(CONTENT_VERSION_KEY) not in (None, before)
