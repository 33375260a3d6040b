"""A group too large to show at once is shown a part at a time, on every matrix page and in the API's compare.

The part size is lowered for these tests (3 criteria), so a group of seven behaves as a group of
10,000 does: parts 1–3 of criteria 1–3, 4–6 and 7.
"""

import re

import pytest

from comparisons import selectors
from comparisons.choices import SupportLevel

from .factories import AssessmentFactory, CriterionFactory, CriterionGroupFactory, FrameworkFactory

pytestmark = pytest.mark.django_db

API = "/api/v1"


@pytest.fixture
def huge_group(monkeypatch):
    """A group of seven criteria beside a small one, two frameworks with every cell."""
    monkeypatch.setattr(selectors, "ALL_GROUPS_MAX_CRITERIA", 4)
    monkeypatch.setattr(selectors, "CRITERIA_PER_PART", 3)
    big = CriterionGroupFactory(name="Web APIs", slug="web-apis", position=1)
    small = CriterionGroupFactory(name="Tooling", slug="tooling", position=2)
    criteria = [CriterionFactory(group=big, name=f"API {i}", slug=f"api-{i}", position=i) for i in range(1, 8)]
    criteria.append(CriterionFactory(group=small, name="CLI", slug="cli", position=1))
    alpha = FrameworkFactory(name="Alpha", slug="alpha")
    beta = FrameworkFactory(name="Beta", slug="beta")
    for criterion in criteria:
        AssessmentFactory(framework=alpha, criterion=criterion, support_level=SupportLevel.BUILT_IN)
        AssessmentFactory(framework=beta, criterion=criterion, support_level=SupportLevel.NONE)
    return criteria


def row_names(response) -> list[str]:
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_the_compare_page_shows_the_first_part_of_a_large_group_and_says_where_it_is(client, huge_group):
    response = client.get("/compare/alpha-vs-beta/")

    assert response.status_code == 200
    assert row_names(response) == ["API 1", "API 2", "API 3"]
    html = response.content.decode()
    assert "Criteria 1–3 of 7 in this group (part 1 of 3)." in html
    assert 'href="/compare/alpha-vs-beta/?part=2" rel="next"' in html


def test_the_next_part_keeps_the_other_options(client, huge_group):
    response = client.get("/compare/alpha-vs-beta/?group=web-apis&differences=on&part=3")

    assert row_names(response) == ["API 7"]
    html = response.content.decode()
    assert "Criteria 7–7 of 7 in this group (part 3 of 3)." in html
    assert 'href="/compare/alpha-vs-beta/?group=web-apis&amp;differences=on&amp;part=2" rel="prev"' in html
    assert 'rel="next"' not in html


def test_choosing_another_group_starts_at_its_first_part(client, huge_group):
    html = client.get("/compare/alpha-vs-beta/?part=2").content.decode()

    assert 'href="/compare/alpha-vs-beta/?group=tooling"' in html


def test_a_small_group_is_shown_whole(client, huge_group):
    response = client.get("/compare/alpha-vs-beta/?group=tooling")

    assert row_names(response) == ["CLI"]
    assert "part 1 of" not in response.content.decode()


@pytest.mark.parametrize(
    ("part", "message"),
    [
        ("4", "This group has 3 parts; part 4 is not one of them."),
        ("0", "Parts count from 1."),
        ("two", "A part is a whole number, such as 2."),
    ],
)
def test_a_part_the_group_lacks_is_named_and_the_first_is_shown(client, huge_group, part, message):
    response = client.get(f"/compare/alpha-vs-beta/?part={part}")

    assert response.status_code == 400
    assert message in response.content.decode()
    assert row_names(response) == ["API 1", "API 2", "API 3"]


def test_weights_given_in_another_part_are_kept_and_ranked(client, huge_group):
    beta_better = huge_group[6]  # API 7, in part 3
    beta_better.assessments.filter(framework__slug="beta").update(support_level=SupportLevel.BUILT_IN)
    beta_better.assessments.filter(framework__slug="alpha").update(support_level=SupportLevel.NONE)

    response = client.get("/compare/alpha-vs-beta/?part=1&w-api-7=3")

    html = response.content.decode()
    assert '<input type="hidden" name="w-api-7" value="3">' in html
    assert [name for name in row_names(response) if name.startswith("API")] == ["API 1", "API 2", "API 3"]
    assert [fit.framework.slug for fit in response.context["fits"]] == ["beta", "alpha"]


def test_the_matrix_grid_shows_a_part_of_a_large_group(client, huge_group):
    response = client.get("/matrix/?part=2")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Criteria 4–6 of 7 in this group (part 2 of 3)." in html
    assert ">API 4<" in html and ">API 6<" in html
    assert ">API 3<" not in html and ">API 7<" not in html


def test_the_matrix_grid_names_a_wrong_part(client, huge_group):
    response = client.get("/matrix/?part=9")

    assert response.status_code == 400
    assert "This group has 3 parts; part 9 is not one of them. Showing the first part." in response.content.decode()


def test_a_framework_page_shows_a_part_of_a_large_group(client, huge_group):
    response = client.get("/frameworks/alpha/?part=3")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Criteria 7–7 of 7 in this group (part 3 of 3)." in html
    assert "API 7" in html and "API 1<" not in html


def test_the_embedded_grid_shows_a_part_and_refuses_a_wrong_one(client, huge_group):
    assert "criteria 4–6 of 7" in client.get("/embed/compare/alpha-vs-beta/?part=2").content.decode()
    assert client.get("/embed/compare/alpha-vs-beta/?part=5").status_code == 404


def test_the_api_compare_returns_a_part_with_links_to_the_others(client, huge_group):
    body = client.get(f"{API}/compare/?frameworks=alpha,beta&part=2").json()

    assert (body["group"], body["part"], body["parts"]) == ("web-apis", 2, 3)
    assert [row["criterion"]["slug"] for row in body["groups"][0]["rows"]] == ["api-4", "api-5", "api-6"]
    assert body["previous"].endswith("?frameworks=alpha%2Cbeta&part=1")
    assert body["next"].endswith("?frameworks=alpha%2Cbeta&part=3")
    tooling = next(link for link in body["group_links"] if link["slug"] == "tooling")
    assert tooling["url"].endswith("?frameworks=alpha%2Cbeta&group=tooling")


def test_the_api_compare_refuses_a_part_a_group_lacks(client, huge_group):
    response = client.get(f"{API}/compare/?frameworks=alpha,beta&group=tooling&part=2")

    assert response.status_code == 400
    assert response.json()["errors"]["part"] == ["These criteria are shown whole, not in parts; leave out “part”."]


@pytest.mark.parametrize(
    "url",
    [
        "/compare/alpha-vs-beta/?part=2",
        "/compare/alpha-vs-beta/?part=2&view=grid",
        "/matrix/?part=2",
        "/frameworks/alpha/?part=2",
        "/embed/compare/alpha-vs-beta/?part=2",
        f"{API}/compare/?frameworks=alpha,beta&part=2",
    ],
)
def test_a_part_costs_no_more_queries_than_a_page_may_run(client, huge_group, url):
    from .test_pages import count_queries

    assert count_queries(client, url) <= 10
