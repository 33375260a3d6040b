"""Facts tied to releases: support over releases, any set compared at any releases, code side by side."""

import datetime

import pytest

from comparisons.models import Assessment, Framework

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    return response.status_code, response.content.decode()


def test_a_cell_shows_since_when_its_current_level_holds(client, versioned):
    status, html = page(client, "/compare/django-vs-flask/")

    assert status == 200
    assert "since 3.1" in html
    assert "since 2.0.0" in html


def test_the_same_framework_at_two_releases_shows_async_support_change(client, versioned):
    status, html = page(client, "/compare/django@3.0-vs-django/")

    assert status == 200
    assert "<h1>Django 3.0 vs Django</h1>" in html
    assert 'id="cell--django--3.0--async-views"' in html
    cell_at_3_0 = html.split('id="cell--django--3.0--async-views"')[1].split("</td>")[0]
    current_cell = html.split('id="cell--django--async-views"')[1].split("</td>")[0]
    assert "Not supported" in cell_at_3_0
    assert "until 3.1" in cell_at_3_0
    assert "Built in" in current_cell


def test_compare_addresses_are_canonical_sorted_and_without_latest(client, versioned):
    assert client.get("/compare/flask-vs-django@4.2.0/").headers["Location"] == "/compare/django@4.2-vs-flask/"
    assert client.get("/compare/django@latest-vs-flask/").headers["Location"] == "/compare/django-vs-flask/"
    assert client.get("/compare/django-vs-django@3.0/").headers["Location"] == "/compare/django@3.0-vs-django/"


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/compare/django@9.9-vs-flask/", 404, ""),
        ("/compare/django@not-a-version-vs-flask/", 404, ""),
        ("/compare/django@1.0-vs-flask/", 400, "Django 1.0 predates its first release, 3.0."),
        ("/compare/django@3.1-vs-django@3.1.0/", 400, "Choose at least two frameworks to compare."),
    ],
)
def test_unknown_releases_are_404_and_earlier_than_the_first_a_clear_400(client, versioned, url, status, message):
    response = client.get(url, follow=True)

    assert response.status_code == status
    assert message in response.content.decode()


def test_the_picker_puts_releases_into_the_address(client, versioned):
    response = client.get("/compare/?frameworks=django&at-0=4.2&frameworks=flask&at-1=")

    assert response.status_code == 301
    assert response.headers["Location"] == "/compare/django@4.2-vs-flask/"


def test_code_examples_stand_side_by_side_with_copy_buttons(client, versioned):
    html = client.get("/compare/django-vs-flask/").content.decode()

    section = html.split('id="code-heading"')[1]
    assert "The request is passed in" in section
    assert "The request is importable" in section
    assert section.index("The request is passed in") < section.index("The request is importable")
    assert "written for 5.2" in section and "written for 3.1.0" in section
    assert 'data-copy-target="code-' in section
    assert "onclick" not in html


def test_a_cell_page_shows_its_statements_over_releases_code_and_history(client, versioned):
    status, html = page(client, "/frameworks/django/async-views/")

    assert status == 200
    assert "until 3.1" in html and "ASGI only: views stay synchronous." in html
    assert "since 3.1" in html
    assert 'href="/compare/django@3.1-vs-django/"' in html
    assert "History of this cell" in html and "Added a support statement" in html


def test_every_matrix_cell_links_to_its_page(client, versioned):
    html = client.get("/compare/django-vs-flask/").content.decode()

    assert 'href="/frameworks/django/async-views/"' in html
    assert 'id="cell--flask--forms"' in html


def test_a_framework_page_shows_its_releases_and_can_be_read_at_one(client, versioned):
    status, html = page(client, "/frameworks/django/")

    facts = html.split('class="facts"')[1].split("</dl>")[0]
    assert "Current release</dt><dd>5.2" in facts
    supported = facts.split("Supported releases</dt>")[1].split("</dd>")[0] if "Supported releases" in facts else ""
    for version, until in [("4.2", datetime.date(2026, 4, 30)), ("5.2", datetime.date(2028, 4, 30))]:
        assert (f"{version} LTS" in supported) == (datetime.date.today() <= until)
    assert "<svg" in html and "Django 3.0, 2 December 2019" in html

    status, at_3_0 = page(client, "/frameworks/django/?release=3.0")
    assert status == 200
    assert "Criterion by criterion at Django 3.0" in at_3_0
    assert "Not supported" in at_3_0.split('id="async-views"')[1].split("</h4>")[0]


def test_a_framework_page_at_an_unknown_release_is_404_and_before_the_first_400(client, versioned):
    assert client.get("/frameworks/django/?release=7.0").status_code == 404
    response = client.get("/frameworks/django/?release=0.9")
    assert response.status_code == 400
    assert "predates its first release" in response.content.decode()


def test_latest_version_follows_the_releases(versioned):
    assert Framework.objects.get(slug="django").latest_version == "5.2"
    assert Framework.objects.get(slug="flask").latest_version == "3.1.0"


def test_the_current_level_is_the_statement_covering_the_newest_release(versioned):
    django_async, _ = versioned

    assert (django_async.support_level, django_async.since_version) == ("built_in", "3.1")
    statement = django_async.statements.get(since__version="3.1")
    statement.support_level = "partial"
    statement.save()

    assert Assessment.objects.get(pk=django_async.pk).support_level == "partial"


def test_fit_ranks_at_the_chosen_releases(client, versioned):
    html = client.get("/compare/django@3.0-vs-django/?w-async-views=3").content.decode()

    ranking = html.split('id="fit-heading"')[1]
    assert ranking.index("Django") < ranking.index("Django 3.0")


def test_the_fit_page_ranks_a_framework_at_a_chosen_release(client, versioned):
    current = client.get("/fit/?w-async-views=3").content.decode()
    at_3_0 = client.get("/fit/?w-async-views=3&at=django@3.0").content.decode()

    assert current.index(">Django<") < current.index(">Flask<")
    assert at_3_0.index(">Flask<") < at_3_0.index(">Django 3.0<")
    assert 'name="at" value="django@3.0"' in at_3_0


def test_the_fit_page_names_a_release_it_does_not_know(client, versioned):
    response = client.get("/fit/?w-async-views=3&at=django@9.9")

    assert response.status_code == 400
    assert "Django has no release 9.9." in response.content.decode()
