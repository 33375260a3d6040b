"""A reader's tools in a real browser: the grid, compare on a phone, the fit explained, badges and embeds."""

import re
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from threading import Thread

import pytest
from django.core.management import call_command
from playwright.sync_api import expect


@pytest.fixture
def seeded_live(transactional_db):
    call_command("loaddata", "flask-vs-django", verbosity=0)


def test_the_grid_shows_a_summary_on_focus_moves_with_arrow_keys_and_opens_the_cell(seeded_live, live_server, page):
    page.goto(f"{live_server.url}/matrix/")
    first = page.locator("#grid--django--request-object a")
    tip = page.locator("#tip--django--request-object")
    expect(tip).to_be_hidden()

    first.focus()

    expect(tip).to_be_visible()
    expect(tip).to_contain_text("Built in")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#grid--flask--request-object a")).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(page.locator("#grid--flask--forms a")).to_be_focused()
    expect(page.locator("#tip--flask--forms")).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/frameworks/flask/forms/")
    assert page.console_errors == [] and page.csp_violations == []


def test_the_grids_headers_stay_in_view_while_it_scrolls(seeded_live, live_server, browser):
    context = browser.new_context(viewport={"width": 375, "height": 500})
    page = context.new_page()
    page.goto(f"{live_server.url}/matrix/")
    box = page.locator(".grid-scroll")
    header = page.locator(".grid thead th").nth(1)
    row_header = page.locator(".grid th[scope=row]").first
    before_header, before_row_header = header.bounding_box(), row_header.bounding_box()

    box.evaluate("element => { element.scrollTop = 200; element.scrollLeft = 200; }")

    assert header.bounding_box()["y"] == pytest.approx(before_header["y"], abs=1)
    assert row_header.bounding_box()["x"] == pytest.approx(before_row_header["x"], abs=1)
    context.close()


def test_on_a_phone_the_compare_page_is_one_card_per_criterion_without_sideways_scrolling(
    seeded_live, live_server, browser
):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server.url}/compare/django-vs-flask/")

    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    card = page.locator("#row--forms")
    labels = card.locator(".cell__label")
    expect(labels).to_have_text(["Django", "Flask", "Key difference"])
    django_cell, flask_cell = card.locator("td.cell").nth(0), card.locator("td.cell").nth(1)
    # Stacked: Flask's cell starts below Django's, at the same left edge, and both fit the screen.
    assert flask_cell.bounding_box()["y"] > django_cell.bounding_box()["y"]
    assert flask_cell.bounding_box()["x"] == pytest.approx(django_cell.bounding_box()["x"], abs=1)
    assert django_cell.bounding_box()["x"] + django_cell.bounding_box()["width"] <= 375
    context.close()


def test_on_a_desktop_the_compare_page_stays_a_table(seeded_live, live_server, page):
    page.goto(f"{live_server.url}/compare/django-vs-flask/")

    expect(page.locator("#row--forms .cell__label").first).to_be_hidden()
    django_cell = page.locator("#cell--django--forms").bounding_box()
    flask_cell = page.locator("#cell--flask--forms").bounding_box()
    assert flask_cell["y"] == pytest.approx(django_cell["y"], abs=1)


def test_the_fit_page_explains_a_score_and_weighs_extensions_as_the_reader_says(seeded_live, live_server, page):
    page.goto(f"{live_server.url}/fit/?w-forms=3&w-admin-site=3")
    flask = page.locator("#fit--flask")
    expect(flask.locator(".fit-percent")).to_have_text("67%")

    flask.locator("details.fit-breakdown summary").click()

    expect(flask.locator("details.fit-breakdown tbody tr")).to_have_count(2)
    expect(flask.locator("details.fit-breakdown tbody tr").first).to_contain_text("3 × 2 = 6")
    page.select_option("#id_extension", "0")
    page.click("form.fit-form button[type=submit]")
    expect(page).to_have_url(re.compile(r"extension=0"))
    expect(page.locator("#fit--flask .fit-percent")).to_have_text("0%")
    expect(page.locator(".fit-table > tbody > tr > th")).to_have_text(["Django", "Flask"])


def test_a_misspelt_weight_is_named_and_the_rest_still_rank(seeded_live, live_server, page):
    page.goto(f"{live_server.url}/fit/?w-forms=3&w-admn-site=3")

    expect(page.locator(".form-errors")).to_contain_text("w-admn-site")
    expect(page.locator(".fit-table > tbody > tr > th")).to_have_text(["Django", "Flask"])


def test_a_badge_renders_as_an_image_and_the_embed_page_offers_it(seeded_live, live_server, page):
    page.goto(f"{live_server.url}/embed/")

    badge = page.locator("#badge-heading ~ p img").first
    expect(badge).to_be_visible()
    assert badge.evaluate("image => image.complete && image.naturalWidth > 100 && image.naturalHeight === 20")
    expect(page.locator("#snippet-badge-markdown")).to_contain_text(f"({live_server.url}/frameworks/")
    assert page.console_errors == [] and page.csp_violations == []


@pytest.fixture
def other_site(live_server):
    """A page of another site (another origin, on this machine) that frames the compare table and the compare page."""
    body = (
        "<!doctype html><title>Another site</title>"
        f'<iframe id="table" src="{live_server.url}/embed/compare/django-vs-flask/"></iframe>'
        f'<iframe id="page" src="{live_server.url}/compare/django-vs-flask/"></iframe>'
    ).encode()

    class AnotherSite(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), AnotherSite)
    Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def test_another_site_can_frame_the_compare_table_but_not_the_compare_page(seeded_live, other_site, page):
    page.goto(other_site)

    table = page.frame_locator("#table")
    expect(table.locator("#grid--flask--forms")).to_contain_text("Via extension")
    assert table.locator("base").get_attribute("target") == "_blank"
    # The compare page refuses to be framed: its frame stays empty.
    expect(page.frame_locator("#page").locator("article.compare")).to_have_count(0)


def test_the_compact_grid_also_shows_only_the_differences(seeded_live, live_server, page):
    page.goto(f"{live_server.url}/compare/django-vs-flask/?view=grid")
    request_row = page.locator(".grid tr:has(a[href='/criteria/request-object/'])")
    expect(request_row).to_be_visible()

    page.check("[data-differences-toggle]")

    expect(request_row).to_be_hidden()
    expect(page.locator(".grid tr:has(a[href='/criteria/forms/'])")).to_be_visible()
    page.reload()
    expect(request_row).to_be_hidden()
