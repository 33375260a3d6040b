"""A reader uses the public site in a real browser, on a desktop and on a phone."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect


@pytest.fixture
def seeded_live(transactional_db):
    call_command("loaddata", "flask-vs-django", verbosity=0)


def visible_rows(page):
    return page.locator("table.matrix tbody tr:not(.matrix__group):visible")


def test_differences_only_hides_identical_rows_at_once_and_keeps_the_url_shareable(seeded_live, live_server, page):
    page.goto(f"{live_server.url}/compare/django-vs-flask/")
    expect(visible_rows(page)).to_have_count(5)

    page.check("[data-differences-toggle]")

    expect(visible_rows(page)).to_have_count(4)
    assert page.url.endswith("/compare/django-vs-flask/?differences=on")
    page.reload()
    expect(page.locator("[data-differences-toggle]")).to_be_checked()
    expect(visible_rows(page)).to_have_count(4)

    page.uncheck("[data-differences-toggle]")
    expect(visible_rows(page)).to_have_count(5)
    assert page.console_errors == []


def test_choosing_weights_ranks_the_frameworks(seeded_live, live_server, page):
    page.goto(f"{live_server.url}/compare/django-vs-flask/")
    page.click("details.weights summary")

    page.select_option("#id_w-admin-site", "3")
    assert "w-admin-site" not in page.url  # choosing alone does not reload the page
    page.click("form.compare-options button[type=submit]")

    # The click starts a navigation; the expectations wait for the ranked page to load.
    expect(page).to_have_url(re.compile(r"w-admin-site=3"))
    expect(page.locator(".fit-table > tbody > tr > th")).to_have_text(["Django", "Flask"])
    expect(page.locator(".fit-table .fit-percent")).to_have_text(["100%", "67%"])
    assert page.console_errors == []


def test_the_frameworks_filter_form_narrows_the_list_and_chips_remove_filters(seeded_live, live_server, page):
    page.goto(f"{live_server.url}/frameworks/")
    assert page.locator(".card__title").all_inner_texts() == ["Django", "Flask"]

    page.check("text=Admin site")
    page.click("form.filters button[type=submit]")

    expect(page).to_have_url(re.compile(r"supports=admin-site"))
    expect(page.locator(".card__title")).to_have_text(["Django"])
    page.click(".chip >> text=Admin site")
    expect(page).not_to_have_url(re.compile(r"supports="))
    expect(page.locator(".card__title")).to_have_text(["Django", "Flask"])
    assert page.console_errors == []


PAGES = [
    "/",
    "/frameworks/",
    "/frameworks/flask/",
    "/criteria/",
    "/criteria/forms/",
    "/compare/",
    "/compare/django-vs-flask/?w-forms=3",
    "/fit/?w-forms=3",
    "/comparisons/",
    "/search/?q=forms",
    "/no-such-page/",
]


@pytest.mark.parametrize("path", PAGES)
def test_no_page_scrolls_sideways_on_a_phone(seeded_live, live_server, browser, path):
    context = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True)
    phone = context.new_page()
    try:
        phone.goto(f"{live_server.url}{path}")
        page_width = phone.evaluate("document.documentElement.scrollWidth")
        assert page_width <= 375, f"{path} is {page_width}px wide"
    finally:
        context.close()
