"""The Content Security Policy is enforced, and everything still works under it.

The suite runs with the production settings, so the browser receives the real
policy (script-src 'self', no inline script). Any script or style the policy
blocked would be reported to the page as a violation and logged to the console.
"""

import pytest
from django.core.management import call_command

from comparisons.models import Assessment


@pytest.fixture
def seeded_live(transactional_db):
    call_command("loaddata", "flask-vs-django", verbosity=0)


def enforced_policy(response) -> str:
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    return policy


def test_public_pages_run_their_scripts_under_the_policy(seeded_live, live_server, page):
    response = page.goto(f"{live_server.url}/compare/django-vs-flask/")
    enforced_policy(response)

    page.check("[data-differences-toggle]")  # site.js at work: hides identical rows at once
    page.locator("table.matrix--differences-only").wait_for()

    assert page.csp_violations == []
    assert page.console_errors == []


def test_the_admin_and_the_markdown_editor_work_under_the_policy(seeded_live, live_server, logged_in_page):
    page = logged_in_page
    assessment = Assessment.objects.get(framework__slug="flask", criterion__slug="forms")

    for path in ("/admin/", "/admin/comparisons/assessment/", "/admin/comparisons/framework/add/"):
        enforced_policy(page.goto(f"{live_server.url}{path}"))
    enforced_policy(page.goto(f"{live_server.url}/admin/comparisons/assessment/{assessment.pk}/change/"))
    page.fill("#id_details", "Checked under the *policy*.")
    page.locator(".markdownx-preview em").first.wait_for(timeout=10_000)
    page.click("input[name=_continue]")
    page.locator("ul.messagelist li.success").wait_for(timeout=10_000)

    assert page.csp_violations == []
    assert page.console_errors == []


PUBLIC_PAGES = [
    "/",
    "/frameworks/",
    "/frameworks/flask/",
    "/frameworks/flask/forms/",
    "/frameworks/flask/forms/report/",
    "/criteria/",
    "/criteria/forms/",
    "/compare/",
    "/compare/django-vs-flask/",
    "/fit/?w-forms=3",
    "/comparisons/",
    "/search/?q=forms",
    "/changes/",
    "/evidence/",
]
API_PAGES = [
    "/api/v1/",
    "/api/v1/frameworks/",
    "/api/v1/frameworks/flask/",
    "/api/v1/assessments/flask/forms/",
    "/api/v1/compare/?frameworks=flask,django",
]


@pytest.fixture
def a_markdown_table(seeded_live):
    assessment = Assessment.objects.get(framework__slug="flask", criterion__slug="forms")
    assessment.details = "| Package | Level |\n|:--|--:|\n| Flask-WTF | via extension |"
    assessment.save()


def test_every_public_page_type_shows_without_a_violation(a_markdown_table, live_server, page):
    for path in PUBLIC_PAGES + API_PAGES:
        enforced_policy(page.goto(f"{live_server.url}{path}"))

    page.goto(f"{live_server.url}/frameworks/flask/forms/")
    assert page.locator(".prose td.align-right").evaluate("cell => getComputedStyle(cell).textAlign") == "right"
    assert page.csp_violations == []
    assert page.console_errors == []


def test_the_browsable_api_signed_in_shows_and_logs_out_without_a_violation(seeded_live, live_server, logged_in_page):
    page = logged_in_page
    for path in API_PAGES:
        enforced_policy(page.goto(f"{live_server.url}{path}"))

    page.get_by_role("button", name="Log out").click()
    page.wait_for_load_state()

    assert "sessionid" not in {cookie["name"] for cookie in page.context.cookies(live_server.url)}
    assert page.get_by_role("link", name="Log in").is_visible()
    assert page.csp_violations == []
    assert page.console_errors == []


def test_the_api_docs_work_under_their_policy(transactional_db, live_server, page):
    enforced_policy(page.goto(f"{live_server.url}/api/docs/"))
    page.locator(".opblock").first.wait_for(timeout=15_000)
    page.locator(".opblock-summary").first.click()
    page.locator(".try-out__btn").first.wait_for(timeout=10_000)

    assert page.csp_violations == []
    assert page.console_errors == []


def test_a_blocked_inline_script_would_be_caught(page):
    # The watchdog the tests above rely on: an inline script under the site's policy is reported.
    page.route(
        "http://policy.test/",
        lambda route: route.fulfill(
            status=200,
            headers={"Content-Type": "text/html", "Content-Security-Policy": "script-src 'self'"},
            body="<!doctype html><title>t</title><p>x</p><script>document.title = 'ran'</script>",
        ),
    )

    page.goto("http://policy.test/")

    assert page.title() == "t"
    assert page.csp_violations == ["script-src-elem blocked inline"]
    page.console_errors.clear()
