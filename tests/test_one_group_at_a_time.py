"""With many criteria, the matrix pages and the API's compare show one criterion group at a time.

The threshold is lowered for these tests, so a small matrix behaves as a large one does.
"""

import re

import pytest

from comparisons import selectors
from comparisons.choices import SupportLevel

from .factories import AssessmentFactory, CriterionFactory, CriterionGroupFactory, FrameworkFactory

pytestmark = pytest.mark.django_db

API = "/api/v1"


@pytest.fixture
def large(monkeypatch):
    """Two groups of three criteria, two frameworks; more criteria than the pages show at once."""
    monkeypatch.setattr(selectors, "ALL_GROUPS_MAX_CRITERIA", 4)
    groups = [
        CriterionGroupFactory(name="Core", slug="core", position=1),
        CriterionGroupFactory(name="Data", slug="data", position=2),
    ]
    criteria = {
        group.slug: [
            CriterionFactory(group=group, name=f"{group.name} {i}", slug=f"{group.slug}-{i}", position=i)
            for i in range(3)
        ]
        for group in groups
    }
    alpha = FrameworkFactory(name="Alpha", slug="alpha")
    beta = FrameworkFactory(name="Beta", slug="beta")
    for group_criteria in criteria.values():
        for criterion in group_criteria:
            AssessmentFactory(framework=alpha, criterion=criterion, support_level=SupportLevel.BUILT_IN)
            AssessmentFactory(framework=beta, criterion=criterion, support_level=SupportLevel.NONE)
    # Beta is better on one data criterion only: weighting it must change the ranking.
    beta.assessments.filter(criterion__slug="data-0").update(support_level=SupportLevel.BUILT_IN)
    alpha.assessments.filter(criterion__slug="data-0").update(support_level=SupportLevel.NONE)
    return criteria


def criterion_rows(response) -> list[str]:
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_compare_shows_the_first_group_and_links_to_every_group(client, large):
    response = client.get("/compare/alpha-vs-beta/")

    assert response.status_code == 200
    assert criterion_rows(response) == ["Core 0", "Core 1", "Core 2"]
    html = response.content.decode()
    assert 'aria-label="Criterion groups"' in html
    assert 'href="/compare/alpha-vs-beta/?group=data"' in html
    assert "All groups" not in html


def test_compare_shows_the_chosen_group_with_only_its_weights(client, large):
    response = client.get("/compare/alpha-vs-beta/?group=data")

    assert criterion_rows(response) == ["Data 0", "Data 1", "Data 2"]
    html = response.content.decode()
    assert 'name="w-data-0"' in html
    assert 'name="w-core-0"' not in html


def test_weights_given_in_another_group_are_kept_and_ranked(client, large):
    response = client.get("/compare/alpha-vs-beta/?group=core&w-data-0=3")

    html = response.content.decode()
    assert '<input type="hidden" name="w-data-0" value="3">' in html
    ranking = [fit.framework.slug for fit in response.context["fits"]]
    assert ranking == ["beta", "alpha"]
    assert response.context["fits"][0].percent == 100


def test_group_links_keep_the_other_options(client, large):
    response = client.get("/compare/alpha-vs-beta/?differences=on&w-data-0=2")

    links = {link["group"].slug: link["url"] for link in response.context["group_links"]}
    assert links["data"] == "/compare/alpha-vs-beta/?differences=on&w-data-0=2&group=data"


def test_an_unknown_group_is_named_and_the_first_group_shown(client, large):
    response = client.get("/compare/alpha-vs-beta/?group=nope")

    assert response.status_code == 400
    assert "“nope” is not a criterion group." in response.content.decode()
    assert criterion_rows(response) == ["Core 0", "Core 1", "Core 2"]


def test_a_bad_weight_in_another_group_is_named(client, large):
    response = client.get("/compare/alpha-vs-beta/?group=core&w-data-1=9")

    assert response.status_code == 400
    assert "Data 1: The weight must be 0, 1, 2 or 3" in response.content.decode()


def test_small_matrices_still_show_every_group(client, large, monkeypatch):
    monkeypatch.setattr(selectors, "ALL_GROUPS_MAX_CRITERIA", 60)

    response = client.get("/compare/alpha-vs-beta/")

    assert len(criterion_rows(response)) == 6
    assert response.context["group_links"] == []
    assert "All groups" in response.content.decode()


def test_framework_page_shows_one_group_at_a_time(client, large):
    first = client.get("/frameworks/alpha/")
    data = client.get("/frameworks/alpha/?group=data")

    assert re.findall(r'<section class="assessment" id="([^"]+)"', first.content.decode()) == [
        "core-0",
        "core-1",
        "core-2",
    ]
    assert re.findall(r'<section class="group">\s*<h3>([^<]+)</h3>', data.content.decode()) == ["Data"]
    assert 'href="/frameworks/alpha/?group=core"' in data.content.decode()


def test_framework_page_names_an_unknown_group(client, large):
    response = client.get("/frameworks/alpha/?group=nope")

    assert response.status_code == 400
    assert "“nope” is not a criterion group" in response.content.decode()


def test_api_compare_gives_the_first_group_and_links_to_the_others(client, large):
    body = client.get(f"{API}/compare/?frameworks=alpha,beta").json()

    assert body["group"] == "core"
    assert [group["group"]["slug"] for group in body["groups"]] == ["core"]
    assert [link["slug"] for link in body["group_links"]] == ["core", "data"]
    data = client.get(body["group_links"][1]["url"]).json()
    assert [row["criterion"]["slug"] for row in data["groups"][0]["rows"]] == ["data-0", "data-1", "data-2"]


def test_api_compare_with_named_criteria_crosses_groups(client, large):
    body = client.get(f"{API}/compare/?frameworks=alpha,beta&criteria=core-0,data-2").json()

    assert body["group"] is None
    assert [[row["criterion"]["slug"] for row in group["rows"]] for group in body["groups"]] == [
        ["core-0"],
        ["data-2"],
    ]


def test_api_compare_refuses_an_unknown_group(client, large):
    response = client.get(f"{API}/compare/?frameworks=alpha,beta&group=nope")

    assert response.status_code == 400
    assert response.json()["errors"]["group"] == ["Not a criterion group with published criteria."]


def test_links_to_an_assessment_open_its_own_page_which_links_to_the_group(client, large):
    response = client.get("/criteria/data-1/")

    assert 'href="/frameworks/alpha/data-1/"' in response.content.decode()
    cell = client.get("/frameworks/alpha/data-1/")
    assert cell.status_code == 200
    target = client.get("/frameworks/alpha/?group=data")
    assert 'id="data-1"' in target.content.decode()


def test_a_small_framework_page_shows_every_group_even_when_a_link_names_one(client, large, monkeypatch):
    monkeypatch.setattr(selectors, "ALL_GROUPS_MAX_CRITERIA", 60)

    response = client.get("/frameworks/alpha/?group=data")

    assert [group.slug for group, _ in response.context["assessment_groups"]] == ["core", "data"]


def test_an_empty_group_parameter_means_the_first_group(client, large):
    response = client.get("/frameworks/alpha/?group=")

    assert response.status_code == 200
    assert [group.slug for group, _ in response.context["assessment_groups"]] == ["core"]


def test_each_group_but_the_first_is_a_canonical_page_of_its_own(client, large):
    def canonical(path):
        return re.search(r'<link rel="canonical" href="http://testserver([^"]+)">', client.get(path).content.decode())[
            1
        ]

    assert canonical("/frameworks/alpha/") == "/frameworks/alpha/"
    assert canonical("/frameworks/alpha/?group=data") == "/frameworks/alpha/?group=data"
    assert canonical("/compare/alpha-vs-beta/?group=data&differences=on") == "/compare/alpha-vs-beta/?group=data"
    assert canonical("/compare/alpha-vs-beta/?group=core") == "/compare/alpha-vs-beta/"


def test_weights_left_at_zero_are_not_carried_to_other_groups(client, large):
    response = client.get("/compare/alpha-vs-beta/?group=data&w-core-0=0&w-core-1=2")

    html = response.content.decode()
    assert 'name="w-core-1" value="2"' in html
    assert 'name="w-core-0"' not in html


def test_api_group_links_with_named_criteria_list_only_their_groups(client, large):
    body = client.get(f"{API}/compare/?frameworks=alpha,beta&criteria=data-2").json()

    assert [link["slug"] for link in body["group_links"]] == ["data"]
