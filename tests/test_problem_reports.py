"""Readers report problems; editors see them in a queue; content never changes by itself."""

import pytest
from django.test import Client

from comparisons.models import Framework, ProblemReport

from .factories import AssessmentFactory

pytestmark = pytest.mark.django_db

URL = "/frameworks/flask/forms/report/"


@pytest.fixture
def flask_forms():
    """The one assessment the reports here are about: Flask on forms."""
    return AssessmentFactory(framework__slug="flask", criterion__slug="forms")


def test_every_assessment_links_to_its_report_form(client, flask_forms):
    page = client.get("/frameworks/flask/").content.decode()

    assert 'href="/frameworks/flask/forms/report/"' in page
    assert client.get(URL).status_code == 200


def test_a_reader_reports_a_problem_without_an_account(client, flask_forms):
    before = (flask_forms.summary, flask_forms.version)

    response = client.post(
        URL, {"message": "Flask-WTF 2 changed this.", "source_url": "https://flask-wtf.readthedocs.io/", "email": ""}
    )

    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    report = ProblemReport.objects.get()
    assert report.assessment == flask_forms
    assert report.status == ProblemReport.Status.NEW
    flask_forms.refresh_from_db()
    assert (flask_forms.summary, flask_forms.version) == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"message": "   "}, "This field is required."),
        ({"message": ""}, "This field is required."),
        ({"message": "x", "source_url": "javascript:alert(1)"}, "Enter a valid URL."),
        ({"message": "x", "email": "not-an-email"}, "Enter a valid email address."),
        ({"message": "x" * 2001}, "at most 2000 characters"),
        ({"message": "a\x00b"}, "Null characters are not allowed."),
    ],
)
def test_a_bad_report_is_a_form_error_and_nothing_is_saved(client, flask_forms, data, message):
    response = client.post(URL, data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ProblemReport.objects.exists()


def test_a_filled_honeypot_is_thanked_but_not_saved(client, flask_forms):
    response = client.post(URL, {"message": "Buy cheap things", "website": "https://spam.example/"})

    assert response.status_code == 200
    assert not ProblemReport.objects.exists()


def test_reports_need_the_csrf_token(flask_forms):
    client = Client(enforce_csrf_checks=True)

    assert client.post(URL, {"message": "x"}).status_code == 403
    assert not ProblemReport.objects.exists()


def test_reports_are_throttled_per_client(client, flask_forms):
    statuses = [client.post(URL, {"message": f"Report {n}"}).status_code for n in range(4)]

    assert statuses == [200, 200, 200, 429]  # tests allow 3 an hour
    assert ProblemReport.objects.count() == 3


def test_a_forged_forwarded_for_header_does_not_escape_the_throttle(client, flask_forms):
    statuses = [
        client.post(URL, {"message": f"Report {n}"}, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
        for n in range(4)
    ]

    assert statuses == [200, 200, 200, 429]


def test_reports_on_drafts_or_unknown_cells_are_404(client, flask_forms):
    assert client.get("/frameworks/flask/teleportation/report/").status_code == 404
    Framework.objects.filter(slug="flask").update(is_published=False)
    assert client.get(URL).status_code == 404


def test_editors_work_through_the_queue(editor_client, flask_forms):
    report = ProblemReport.objects.create(assessment=flask_forms, message="Outdated")

    queue = editor_client.get("/admin/comparisons/problemreport/?status__exact=new")
    assert queue.context["cl"].result_count == 1
    assert f"/admin/comparisons/assessment/{flask_forms.pk}/change/" in queue.content.decode()

    editor_client.post("/admin/comparisons/problemreport/", {"action": "accept", "_selected_action": [report.pk]})

    report.refresh_from_db()
    assert report.status == ProblemReport.Status.ACCEPTED


def test_the_report_pages_are_for_staff_only(editor_client, flask_forms):
    report = ProblemReport.objects.create(assessment=flask_forms, message="Outdated")
    change = f"/admin/comparisons/problemreport/{report.pk}/change/"

    assert editor_client.get(change).status_code == 200
    assert editor_client.get("/admin/comparisons/problemreport/add/").status_code == 403
    assert Client().get(change).status_code == 302
