"""Charts readers see: a framework's levels by criterion group and the coverage heat-map, each with its numbers."""

import re

import pytest

from comparisons.models import Criterion, CriterionGroup

from .factories import AssessmentFactory, CriterionFactory, FrameworkFactory

pytestmark = pytest.mark.django_db


def table_rows(page: str, caption: str) -> list[list[str]]:
    table = re.search(rf"<caption[^>]*>{re.escape(caption)}</caption>(.*?)</table>", page, re.S).group(1)
    body = table.split("<tbody>")[1]
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def test_a_framework_page_charts_its_levels_by_group_with_the_numbers(client, flask_and_django):
    page = client.get("/frameworks/flask/").content.decode()

    assert 'aria-labelledby="group-levels-title"' in page
    assert table_rows(page, "Flask: criteria per level in each group") == [
        ["Core", "1", "", "", "", "", ""],
        ["Data", "", "2", "", "", "", ""],
        ["Tooling", "", "1", "", "", "", ""],
    ]
    assert "<title>Data: 2 via extension</title>" in page


def test_a_criterion_not_assessed_yet_shows_in_the_chart(client, flask_and_django):
    CriterionFactory(name="Brand new", group=CriterionGroup.objects.get(name="Tooling"))

    page = client.get("/frameworks/flask/").content.decode()

    assert ["Tooling", "", "1", "", "", "", "1"] in table_rows(page, "Flask: criteria per level in each group")
    assert "<title>Tooling: 1 not assessed yet</title>" in page


def test_the_coverage_heat_map_shades_each_group_by_what_a_framework_covers(client, flask_and_django):
    newcomer = FrameworkFactory(name="Newcomer")
    AssessmentFactory(framework=newcomer, criterion=Criterion.objects.get(slug="forms"), support_level="unknown")

    response = client.get("/coverage/")

    page = response.content.decode()
    assert response.status_code == 200
    rows = table_rows(page, "Criteria built in or via extension, per framework and criterion group")
    assert rows[0] == ["Django", "1 of 1", "2 of 2", "1 of 1", "4 of 4"]
    assert rows[1] == ["Flask", "1 of 1", "2 of 2", "1 of 1", "4 of 4"]
    assert rows[2][0] == "Newcomer" and rows[2][1] == "0 of 1 (1 not known)"
    assert 'class="heat heat--4"' in page and 'class="heat heat--0"' in page
