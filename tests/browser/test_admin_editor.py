"""An editor works on the matrix in a real browser."""

import pytest
from django.core.management import call_command

from comparisons.models import Assessment, Framework


@pytest.fixture
def seeded_live(transactional_db):
    call_command("loaddata", "flask-vs-django", verbosity=0)


def test_editor_sees_a_live_sanitized_preview_and_saves_the_assessment(seeded_live, live_server, logged_in_page):
    page = logged_in_page
    assessment = Assessment.objects.get(framework__slug="flask", criterion__slug="forms")

    page.goto(f"{live_server.url}/admin/comparisons/assessment/{assessment.pk}/change/")
    page.fill("#id_details", "Use **Flask-WTF**.\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1))")
    preview = page.locator("#id_details ~ .markdownx-preview, .markdownx-preview").first
    preview.locator("strong").wait_for(timeout=10_000)

    assert preview.locator("strong").inner_text() == "Flask-WTF"
    assert preview.locator("img").count() == 0
    assert preview.locator("a[href]").count() == 0  # no link to a javascript: URL

    page.click("input[name=_save]")
    page.wait_for_url(f"{live_server.url}/admin/comparisons/assessment/")

    assessment.refresh_from_db()
    assert assessment.details.startswith("Use **Flask-WTF**.")
    page.goto(f"{live_server.url}/frameworks/flask/")
    assert page.locator("#forms strong").inner_text() == "Flask-WTF"
    assert page.console_errors == []


def test_a_row_added_with_add_another_gets_a_live_preview_too(seeded_live, live_server, logged_in_page):
    page = logged_in_page
    framework = Framework.objects.get(slug="flask")
    page.goto(f"{live_server.url}/admin/comparisons/framework/{framework.pk}/change/")
    rows_before = page.locator("#assessments-group tr.form-row.dynamic-assessments").count()

    page.click("#assessments-group .add-row a")

    new_row = page.locator("#assessments-group tr.form-row.dynamic-assessments").nth(rows_before)
    new_row.locator("textarea.markdownx-editor").fill("A **new** row [link](javascript:alert(1))")
    preview = new_row.locator(".markdownx-preview")
    preview.locator("strong").wait_for(timeout=10_000)
    assert preview.locator("strong").inner_text() == "new"
    assert preview.locator("a[href]").count() == 0  # no link to a javascript: URL
    assert page.console_errors == []


def test_a_comparison_point_added_with_add_another_gets_a_live_preview(seeded_live, live_server, logged_in_page):
    page = logged_in_page
    page.goto(f"{live_server.url}/admin/comparisons/comparison/add/")

    page.click("#points-group .add-row a")

    new_row = page.locator("#points-group tr.form-row.dynamic-points").first
    new_row.locator("textarea.markdownx-editor").fill("Django *wins* here")
    new_row.locator(".markdownx-preview em").wait_for(timeout=10_000)
    assert new_row.locator(".markdownx-preview em").inner_text() == "wins"
    assert page.console_errors == []


def test_a_page_with_inlines_saved_untouched_records_no_change(seeded_live, live_server, logged_in_page):
    # The browser posts its text areas with CRLF line endings: that is not a change.
    page = logged_in_page
    framework = Framework.objects.get(slug="flask")
    records = framework.history.count()
    assessment_records = Assessment.history.filter(framework_id=framework.pk).count()
    page.goto(f"{live_server.url}/admin/comparisons/framework/{framework.pk}/change/")
    # The editor's scripts (live previews of every Markdown field) settle before the click, as a person waits;
    # on a loaded CI machine a click during their first requests was once lost.
    page.wait_for_load_state("networkidle")

    with page.expect_navigation(url=f"{live_server.url}/admin/comparisons/framework/", timeout=60_000):
        page.click("input[name=_save]")

    framework.refresh_from_db()
    assert framework.version == 1
    assert framework.history.count() == records
    assert Assessment.history.filter(framework_id=framework.pk).count() == assessment_records
    assert page.console_errors == []


def test_a_code_example_gets_a_live_highlighted_preview(seeded_live, live_server, logged_in_page):
    page = logged_in_page
    assessment = Assessment.objects.get(framework__slug="flask", criterion__slug="request-object")
    page.goto(f"{live_server.url}/admin/comparisons/assessment/{assessment.pk}/change/")

    page.click("#code_examples-group .add-row a")
    row = page.locator("#code_examples-group .inline-related:not(.empty-form)").last
    row.locator("input[name$='-title']").fill("Reading the request")
    row.locator("textarea.code-input").fill("def view():\n    return '<script>alert(1)</script>'\n```\n")

    preview = row.locator(".code-preview")
    preview.locator("span.k").first.wait_for(timeout=10_000)
    assert preview.locator("span.k").first.inner_text() == "def"
    assert preview.locator("script").count() == 0
    assert "<script>alert(1)</script>" in preview.inner_text()  # shown as text
    assert page.console_errors == []
