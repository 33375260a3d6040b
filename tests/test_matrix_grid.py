"""The matrix at a glance: /matrix/ and the compare page's compact grid."""

import re

import pytest

from comparisons.choices import SupportLevel
from comparisons.grid import GRID_COLUMNS_PER_PAGE
from comparisons.models import Assessment

from .factories import (
    AssessmentFactory,
    CriterionFactory,
    CriterionGroupFactory,
    FrameworkFactory,
    ReleaseFactory,
    SupportStatementFactory,
)

pytestmark = pytest.mark.django_db


def grid_cells(page: str) -> dict[str, str]:
    """Cell id -> what a screen reader hears for it (the visually hidden text)."""
    return dict(
        re.findall(
            r'<td class="grid__cell[^"]*"(?: id="grid--([^"]+)")?>.*?<span class="visually-hidden">([^<]+)</span>', page
        )
    )


def test_the_grid_shows_every_framework_against_every_criterion_with_level_words_and_summaries(
    client, flask_and_django
):
    response = client.get("/matrix/")

    page = response.content.decode()
    assert response.status_code == 200
    cells = grid_cells(page)
    assert cells["flask--forms"] == "Flask, Forms: Via extension"
    assert cells["django--admin-site"] == "Django, Admin site: Built in"
    assert len(cells) == 8
    flask_forms = flask_and_django_summary(page, "flask--forms")
    assert "WTForms" in flask_forms
    assert 'href="/frameworks/flask/forms/"' in page
    # Group headings in display order.
    assert re.findall(r'<th scope="rowgroup"[^>]*>([^<]+)</th>', page) == ["Core", "Data", "Tooling"]


def flask_and_django_summary(page: str, cell_id: str) -> str:
    return re.search(rf'<span class="grid__tip" role="tooltip" id="tip--{cell_id}">(.*?)</span>', page).group(1)


def test_a_cell_not_assessed_yet_says_so(client, flask_and_django):
    FrameworkFactory(name="Newcomer", slug="newcomer")

    page = client.get("/matrix/").content.decode()

    assert "Newcomer, Forms: not assessed yet" in page


def test_the_grid_filters_frameworks_like_the_frameworks_list(client, flask_and_django):
    response = client.get("/matrix/?supports=admin-site&level=built_in")

    page = response.content.decode()
    assert "Django, Forms: Built in" in page
    assert "Flask," not in page


def test_a_wrong_filter_or_group_is_named(client, flask_and_django):
    assert "is not a criterion group" in client.get("/matrix/?group=nope").content.decode()
    assert client.get("/matrix/?group=nope").status_code == 400
    assert client.get("/matrix/?level=sometimes").status_code == 400
    assert client.get("/matrix/?page=7").status_code == 400


def test_a_wide_matrix_is_paged_by_frameworks_and_one_group_at_a_time(client, settings):
    groups = [CriterionGroupFactory(slug=f"group-{number}", position=number) for number in range(2)]
    criteria = [CriterionFactory(group=groups[number % 2], slug=f"criterion-{number:02d}") for number in range(62)]
    frameworks = [FrameworkFactory(slug=f"framework-{number:02d}") for number in range(GRID_COLUMNS_PER_PAGE + 2)]
    AssessmentFactory(framework=frameworks[0], criterion=criteria[0], support_level=SupportLevel.BUILT_IN)

    first = client.get("/matrix/").content.decode()
    second = client.get("/matrix/?group=group-1&page=2").content.decode()

    assert first.count('<th scope="col" class="grid__framework">') == GRID_COLUMNS_PER_PAGE
    assert second.count('<th scope="col" class="grid__framework">') == 2
    assert 'href="/criteria/criterion-00/"' in first and 'href="/criteria/criterion-01/"' not in first
    assert 'href="/criteria/criterion-01/"' in second and 'href="/criteria/criterion-00/"' not in second
    assert 'href="?group=group-1&amp;page=1" rel="prev"' in second


def test_the_compare_page_has_a_compact_grid_at_releases_too(client, flask_and_django):
    framework = FrameworkFactory(name="Oldie", slug="oldie")
    criterion = CriterionFactory(name="Forms again", slug="forms-again")
    assessment = AssessmentFactory(framework=framework, criterion=criterion, support_level=SupportLevel.BUILT_IN)
    ReleaseFactory(framework=framework, version="1.0")
    new = ReleaseFactory(framework=framework, version="2.0")
    SupportStatementFactory(assessment=assessment, support_level=SupportLevel.NONE, until=new)
    SupportStatementFactory(assessment=assessment, support_level=SupportLevel.BUILT_IN, since=new)

    page = client.get("/compare/oldie@1.0-vs-oldie/?view=grid").content.decode()

    cells = grid_cells(page)
    assert cells["oldie--1.0--forms-again"] == "Oldie 1.0, Forms again: Not supported"
    assert cells["oldie--forms-again"] == "Oldie, Forms again: Built in"
    assert '<span aria-current="page">Compact grid</span>' in page
    assert 'class="matrix' not in page


def test_a_wrong_view_of_the_compare_page_is_named(client, flask_and_django):
    response = client.get("/compare/django-vs-flask/?view=cards")

    assert response.status_code == 400
    assert "“cards” is not a view of the compare page" in response.content.decode()


def test_an_edit_shows_on_the_next_grid(client, flask_and_django):
    assert "Flask, Forms: Via extension" in client.get("/matrix/").content.decode()
    flask_forms = Assessment.objects.get(framework__slug="flask", criterion__slug="forms")
    flask_forms.support_level = SupportLevel.BUILT_IN
    flask_forms.save()

    page = client.get("/matrix/").content.decode()

    assert "Flask, Forms: Built in" in page
    assert "Flask, Forms: Via extension" not in page
