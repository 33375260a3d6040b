"""What an edit is recorded as: the changed fields and links, named in words, and nothing when nothing changed."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from comparisons.models import Assessment

from .factories import AssessmentFactory, ExtensionFactory, SourceFactory, assessment_change_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def cell():
    assessment = AssessmentFactory(framework__slug="flask", criterion__slug="forms", summary="Flask-WTF fills it")
    SourceFactory(assessment=assessment, title="Flask patterns", url="https://docs.example/patterns/")
    return assessment


@pytest.fixture
def editor_api(editor):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    return api


def latest_reason(assessment) -> str:
    return Assessment.history.filter(id=assessment.pk).first().history_change_reason


def test_an_api_write_that_only_replaces_the_sources_is_recorded_as_changed_sources(editor_api, cell, client):
    response = editor_api.patch(
        "/api/v1/assessments/flask/forms/",
        {"version": cell.version, "sources": [{"title": "Flask docs: forms", "url": "https://docs.example/forms/"}]},
    )

    assert response.status_code == 200, response.json()
    assert latest_reason(cell) == "Changed sources"
    assert "Changed sources" in client.get("/changes/").content.decode()


def test_an_api_write_that_only_links_an_extension_is_recorded_as_changed_extensions(editor_api, cell):
    extension = ExtensionFactory(slug="wtforms")

    response = editor_api.patch(
        "/api/v1/assessments/flask/forms/", {"version": cell.version, "extensions": [extension.slug]}
    )

    assert response.status_code == 200, response.json()
    assert latest_reason(cell) == "Changed extensions"


def test_an_api_write_of_the_same_values_is_kept_off_the_public_changelog(editor_api, cell, client):
    response = editor_api.patch("/api/v1/assessments/flask/forms/", {"version": cell.version, "summary": cell.summary})

    assert response.status_code == 200
    assert latest_reason(cell) == "Saved (fields unchanged)"
    assert "Saved (fields unchanged)" not in client.get("/changes/").content.decode()


def test_an_admin_edit_of_the_sources_alone_is_recorded_as_changed_sources(editor_client, cell):
    source = cell.sources.get()
    data = assessment_change_data(
        cell,
        support_level=cell.support_level,
        **{
            "sources-TOTAL_FORMS": "1",
            "sources-INITIAL_FORMS": "1",
            "sources-0-id": source.pk,
            "sources-0-assessment": cell.pk,
            "sources-0-title": "Flask patterns: forms",
            "sources-0-url": source.url,
            "sources-0-position": "0",
        },
    )

    response = editor_client.post(f"/admin/comparisons/assessment/{cell.pk}/change/", data)

    assert response.status_code == 302
    assert latest_reason(cell) == "Changed sources"
    assert cell.sources.get().title == "Flask patterns: forms"
