"""History on every write path, the public changelog, the review queue, publishing and restoring."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from comparisons import services
from comparisons.dataset import export_dataset, import_dataset
from comparisons.markdown import render_markdown
from comparisons.models import Assessment, Framework, Source

from .factories import ComparisonFactory, FrameworkFactory, assessment_change_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def flask_forms(flask_and_django):
    return Assessment.objects.get(framework__slug="flask", criterion__slug="forms")


def test_an_admin_edit_is_recorded_with_who_and_which_fields(editor_client, editor, flask_forms):
    data = assessment_change_data(flask_forms)

    response = editor_client.post(f"/admin/comparisons/assessment/{flask_forms.pk}/change/", data)

    assert response.status_code == 302
    record = flask_forms.history.first()
    assert record.history_user == editor
    assert record.history_change_reason == "Changed support level"
    page = editor_client.get(f"/admin/comparisons/assessment/{flask_forms.pk}/history/").content.decode()
    assert "Changed support level" in page


def test_an_api_write_is_recorded_with_the_token_holder(editor, flask_forms):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")

    client.patch(
        f"/api/v1/assessments/{flask_forms.pk}/",
        {"summary": "Through the API", "version": flask_forms.version},
        format="json",
    )

    record = flask_forms.history.first()
    assert record.history_user == editor
    assert record.history_change_reason == "Changed summary"


def test_an_import_is_recorded(flask_and_django):
    data = export_dataset()
    data["frameworks"][1]["packages"] = "Flask Werkzeug"

    import_dataset(data)

    assert Framework.objects.get(slug=data["frameworks"][1]["slug"]).history.first().history_change_reason == (
        "Changed packages on the index"
    )


def test_the_seed_gives_every_row_a_first_version(db):
    call_command("seed", verbosity=0)

    assert Assessment.history.filter(framework__slug="flask", criterion__slug="forms").exists()


def test_reverting_restores_an_earlier_version(editor_client, flask_forms):
    original = flask_forms.summary
    flask_forms.summary = "A mistake"
    flask_forms.save()
    earlier = flask_forms.history.filter(summary=original).first()

    services.revert_to(earlier, read_version=flask_forms.version)

    flask_forms.refresh_from_db()
    assert flask_forms.summary == original
    assert flask_forms.history.first().history_change_reason == "Changed summary"


def test_history_keeps_markdown_sources_and_a_revert_renders_them_anew(flask_forms):
    original_details, original_html = flask_forms.details, flask_forms.details_html
    flask_forms.details = "Now **different**."
    flask_forms.save()
    earlier = flask_forms.history.filter(details=original_details).first()

    services.revert_to(earlier, read_version=flask_forms.version)

    flask_forms.refresh_from_db()
    assert not hasattr(earlier, "details_html")
    assert flask_forms.details_html == original_html != ""


def test_the_public_changelog_lists_changes_to_published_content_only(client, flask_forms):
    flask_forms.summary = "Updated for Flask 3"
    flask_forms.save()
    secret = FrameworkFactory(name="Secret", is_published=False)
    secret.summary = "Changed in secret"
    secret.save()

    page = client.get("/changes/").content.decode()

    assert "Flask · Forms" in page
    assert "Changed summary" in page
    assert 'href="/frameworks/flask/forms/"' in page
    assert "Secret" not in page
    feed = client.get("/feeds/changes.atom").content.decode()
    assert "Changed: Flask · Forms" in feed


def test_the_review_queue_lists_stale_assessments_and_marks_them_reviewed(editor_client, flask_and_django, settings):
    settings.ASSESSMENT_STALE_AFTER_DAYS = 30
    for assessment in Assessment.objects.filter(framework__slug="flask"):
        assessment.last_reviewed = timezone.localdate() - datetime.timedelta(days=90)
        assessment.save()

    queue = editor_client.get("/admin/comparisons/assessment/?review=stale")
    assert queue.context["cl"].result_count == 4  # Flask's four; Django's were reviewed today

    stale = list(Assessment.objects.stale().values_list("pk", flat=True))
    response = editor_client.post(
        "/admin/comparisons/assessment/", {"action": "mark_reviewed_today", "_selected_action": stale}
    )

    assert response.status_code == 302
    assert not Assessment.objects.stale().exists()
    assert Assessment.objects.get(pk=stale[0]).history.first().history_change_reason == "Changed last reviewed"


def test_publishing_from_the_list_sets_the_date_and_refuses_what_the_form_would(editor_client):
    ready = ComparisonFactory(status="draft", published_at=None, frameworks=[FrameworkFactory(), FrameworkFactory()])
    lonely = ComparisonFactory(status="draft", published_at=None, frameworks=[FrameworkFactory()])

    editor_client.post(
        "/admin/comparisons/comparison/", {"action": "publish_selected", "_selected_action": [ready.pk, lonely.pk]}
    )

    ready.refresh_from_db()
    lonely.refresh_from_db()
    assert ready.status == "published" and ready.published_at is not None
    assert lonely.status == "draft"


def test_the_coverage_dashboard_shows_each_frameworks_row(editor_client, flask_and_django, settings):
    Assessment.objects.get(framework__slug="flask", criterion__slug="forms").delete()
    Assessment.objects.filter(framework__slug="django", criterion__slug="forms").update(
        last_reviewed=timezone.localdate() - datetime.timedelta(days=settings.ASSESSMENT_STALE_AFTER_DAYS + 1)
    )

    response = editor_client.get("/admin/comparisons/framework/coverage/")

    rows = {row.framework.slug: row for row in response.context["rows"]}
    assert (rows["flask"].assessed, rows["flask"].missing, rows["flask"].sourced_percent) == (3, 1, 100)
    assert rows["django"].stale_percent == 25


def test_the_coverage_dashboard_needs_a_login(client):
    assert client.get("/admin/comparisons/framework/coverage/").status_code == 302


def test_a_deleted_assessment_can_be_restored_with_its_sources(editor_client, flask_forms):
    sources = list(flask_forms.sources.values_list("url", flat=True))
    extensions = set(flask_forms.extensions.values_list("slug", flat=True))
    flask_forms.delete()

    listing = editor_client.get("/admin/comparisons/assessment/deleted/")
    [record] = listing.context["records"]
    editor_client.post("/admin/comparisons/assessment/deleted/", {"history_id": record.history_id})

    restored = Assessment.objects.get(framework__slug="flask", criterion__slug="forms")
    assert restored.details_html == render_markdown(restored.details, id_prefix="md-flask-forms-details-")
    assert list(restored.sources.values_list("url", flat=True)) == sources
    assert set(restored.extensions.values_list("slug", flat=True)) == extensions
    assert list(editor_client.get("/admin/comparisons/assessment/deleted/").context["records"]) == []


def test_restoring_an_unknown_record_is_a_message_not_an_error(editor_client, flask_and_django):
    response = editor_client.post("/admin/comparisons/assessment/deleted/", {"history_id": "abc"}, follow=True)

    assert response.status_code == 200
    assert "not available to restore" in response.content.decode()


def test_the_changelog_and_its_feed_are_cheap(client, flask_and_django, django_assert_max_num_queries):
    for assessment in Assessment.objects.all():
        assessment.save()

    with django_assert_max_num_queries(8):
        client.get("/changes/")


def test_the_second_of_two_editors_is_stopped_with_what_changed(client, editor, django_user_model, flask_forms):
    colleague = django_user_model.objects.create_user("colleague", is_staff=True)
    colleague.user_permissions.set(editor.user_permissions.all())
    url = f"/admin/comparisons/assessment/{flask_forms.pk}/change/"
    # Both open the same assessment (same version); the colleague saves first.
    first = assessment_change_data(flask_forms, summary="The colleague's wording")
    second = assessment_change_data(flask_forms, summary="My wording")
    client.force_login(colleague)
    assert client.post(url, first).status_code == 302

    client.force_login(editor)
    response = client.post(url, second)

    assert response.status_code == 200
    message = " ".join(response.context["adminform"].form.non_field_errors())
    assert "was saved by someone else after you opened it" in message
    assert "colleague at" in message and "Changed support level, summary" in message
    flask_forms.refresh_from_db()
    assert flask_forms.summary == "The colleague's wording"


def test_a_stale_save_is_refused_by_the_model_itself(flask_forms):
    from comparisons.models import StaleVersion

    stale = Assessment.objects.get(pk=flask_forms.pk)
    flask_forms.summary = "First"
    flask_forms.save()
    stale.summary = "Second"

    with pytest.raises(StaleVersion):
        stale.save()

    assert Assessment.objects.get(pk=flask_forms.pk).summary == "First"


def resubmit(response):
    """What a browser sends back for an admin change page submitted as rendered, inlines included."""
    from django.forms import MultiWidget

    data = {}

    def add(form):
        for field in form:
            value = field.value()
            if value is None or value is False or value == "":
                continue
            if isinstance(field.field.widget, MultiWidget):
                for index, part in enumerate(field.field.widget.decompress(value)):
                    data[f"{field.html_name}_{index}"] = "" if part is None else str(part)
            elif value is True:
                data[field.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[field.html_name] = [str(item) for item in value]
            else:
                data[field.html_name] = str(value)

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        add(formset.management_form)
        for form in formset.forms:
            add(form)
    return data


@pytest.mark.parametrize(
    ("url", "model", "lookup"),
    [
        ("/admin/comparisons/framework/{pk}/change/", Framework, {"slug": "flask"}),
        ("/admin/comparisons/comparison/{pk}/change/", "comparison", {"slug": "flask-vs-django"}),
        (
            "/admin/comparisons/assessment/{pk}/change/",
            Assessment,
            {"framework__slug": "flask", "criterion__slug": "forms"},
        ),
    ],
)
def test_every_change_page_saved_as_rendered_records_no_change(editor_client, flask_and_django, url, model, lookup):
    from comparisons.models import Comparison

    model = Comparison if model == "comparison" else model
    obj = model.objects.get(**lookup)
    page = url.format(pk=obj.pk)
    records = obj.history.count()
    # A browser posts text areas with CRLF line endings.
    data = {
        key: value.replace("\n", "\r\n") if isinstance(value, str) else value
        for key, value in resubmit(editor_client.get(page)).items()
    }

    response = editor_client.post(page, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    obj.refresh_from_db()
    assert obj.version == 1
    assert obj.history.count() == records
    assert "\r" not in "".join(getattr(obj, source) for source in obj.markdown_fields)


def test_markdown_is_stored_with_lf_line_endings_whatever_the_browser_sends(editor_client, flask_forms):
    url = f"/admin/comparisons/assessment/{flask_forms.pk}/change/"
    data = assessment_change_data(
        flask_forms, support_level=flask_forms.support_level, details="First line\r\n\r\nSecond paragraph\r\n"
    )

    assert editor_client.post(url, data).status_code == 302

    flask_forms.refresh_from_db()
    assert flask_forms.details == "First line\n\nSecond paragraph"
    assert flask_forms.history.first().history_change_reason == "Changed details"


def test_the_deleted_list_survives_odd_input_and_skips_rows_that_cannot_come_back(editor_client, flask_forms):
    flask_forms.delete()
    Assessment.objects.filter(framework__slug="django", criterion__slug="forms").delete()
    from comparisons.models import Criterion

    Criterion.objects.filter(slug="forms").delete()

    assert editor_client.post("/admin/comparisons/assessment/deleted/", {"history_id": "²"}).status_code == 302
    assert list(editor_client.get("/admin/comparisons/assessment/deleted/").context["records"]) == []


def test_a_source_removed_on_purpose_stays_removed_after_a_restore(editor_client, flask_forms):
    kept, removed = list(flask_forms.sources.all())
    removed_id = removed.pk
    removed.delete()
    past = timezone.now() - datetime.timedelta(minutes=5)
    Source.history.filter(id=removed_id, history_type="-").update(history_date=past)
    flask_forms.delete()

    [record] = editor_client.get("/admin/comparisons/assessment/deleted/").context["records"]
    editor_client.post("/admin/comparisons/assessment/deleted/", {"history_id": record.history_id})

    restored = Assessment.objects.get(framework__slug="flask", criterion__slug="forms")
    assert list(restored.sources.values_list("url", flat=True)) == [kept.url]


def test_withdrawn_content_leaves_the_changelog(client, flask_and_django):
    flask = Framework.objects.get(slug="flask")
    flask.summary = "Changed while public"
    flask.save()
    assert "Framework: Flask" in client.get("/changes/").content.decode()

    flask.is_published = False
    flask.save()

    assert "Framework: Flask" not in client.get("/changes/").content.decode()
