"""A group too large to show at once is shown a part at a time.

On every matrix page, the criteria page and the API's compare; the home page shows a few criteria of each group.

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
    from .test_pages import MAX_QUERIES, MAX_QUERIES_BUILT_FROM_NOTHING, count_queries

    built, again = count_queries(client, url)
    assert built <= MAX_QUERIES_BUILT_FROM_NOTHING and again <= MAX_QUERIES


def criterion_links(response) -> list[str]:
    return re.findall(r'<li><a href="/criteria/[^"]+/">([^<]+)</a>', response.content.decode())


def test_the_criteria_page_shows_a_large_group_a_part_at_a_time(client, huge_group):
    first = client.get("/criteria/")
    second = client.get("/criteria/?group=web-apis&part=2")

    assert criterion_links(first) == ["API 1", "API 2", "API 3"]
    assert "Criteria 1–3 of 7 in this group (part 1 of 3)." in first.content.decode()
    assert criterion_links(second) == ["API 4", "API 5", "API 6"]
    assert 'href="/criteria/?group=tooling"' in second.content.decode()


def test_the_criteria_page_names_a_wrong_part_and_shows_the_first(client, huge_group):
    response = client.get("/criteria/?part=9")

    assert response.status_code == 400
    assert "This group has 3 parts; part 9 is not one of them. Showing the first part." in response.content.decode()
    assert criterion_links(response) == ["API 1", "API 2", "API 3"]


def test_the_criteria_page_lists_every_group_while_the_criteria_are_few(client, huge_group, monkeypatch):
    monkeypatch.setattr(selectors, "ALL_GROUPS_MAX_CRITERIA", 60)

    response = client.get("/criteria/")

    assert criterion_links(response) == [*(f"API {i}" for i in range(1, 8)), "CLI"]
    assert "part 1 of" not in response.content.decode()


def test_the_home_page_shows_a_few_of_each_list_and_links_to_the_rest(client, huge_group, monkeypatch):
    monkeypatch.setattr(selectors, "HOME_CRITERIA_PER_GROUP", 2)
    monkeypatch.setattr(selectors, "HOME_FRAMEWORKS", 1)

    html = client.get("/").content.decode()

    criteria = re.search(r'id="criteria-heading".*?</section>', html, re.S).group(0)
    assert re.findall(r'<li><a href="/criteria/[^"]+/">([^<]+)</a>', criteria) == ["API 1", "API 2", "CLI"]
    assert '<a href="/criteria/?group=web-apis#group-web-apis">All 7 criteria in Web APIs</a>' in criteria
    assert "All 1 criteria" not in criteria
    frameworks = re.search(r'id="frameworks-heading".*?</section>', html, re.S).group(0)
    assert re.findall(r'<h3 class="card__title"><a [^>]+>([^<]+)</a></h3>', frameworks) == ["Alpha"]
    assert "All 2 frameworks: filter and sort them" in frameworks


def framework_cards(response) -> list[str]:
    return re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_the_frameworks_filter_takes_criteria_by_name_when_there_are_too_many_for_checkboxes(client, huge_group):
    response = client.get("/frameworks/?supports=api+2&level=built_in")

    html = response.content.decode()
    assert framework_cards(response) == ["Alpha"]
    assert '<input type="checkbox" name="supports" value="api-2" checked> API 2' in html
    assert 'value="api-5"' not in html  # no checkbox for the criteria not chosen
    assert '<input type="text" id="id_supports" name="supports"' in html
    chips = {chip["value"]: chip["remove_url"] for chip in response.context["active_filters"]}
    assert chips["API 2"] == "/frameworks/?level=built_in"


def test_a_misspelt_criterion_is_named_and_kept(client, huge_group):
    response = client.get("/frameworks/?supports=api-2&supports=API+22")

    html = response.content.decode()
    assert response.status_code == 400
    assert "No published criterion has the slug or name “API 22”." in html
    assert '<input type="checkbox" name="supports" value="API 22" checked> API 22' in html
    assert '<input type="checkbox" name="supports" value="api-2" checked> api-2' in html


def test_a_criterion_name_with_a_null_character_is_a_clear_400(client, huge_group):
    page = client.get("/frameworks/?supports=API%002")
    api = client.get("/api/v1/frameworks/?supports=API%002")

    assert page.status_code == api.status_code == 400
    assert "Null characters are not allowed." in page.content.decode()


def test_the_frameworks_filter_offers_a_checkbox_per_criterion_while_they_are_few(client, huge_group, monkeypatch):
    monkeypatch.setattr(selectors, "ALL_GROUPS_MAX_CRITERIA", 60)

    html = client.get("/frameworks/").content.decode()

    assert html.count('name="supports"') == 8
    assert '<input type="text" id="id_supports"' not in html


def weight_names(response) -> list[str]:
    return re.findall(r'<select name="(w-[^"]+)"', response.content.decode())


def test_each_part_has_its_own_weights_whatever_was_drawn_before(client, huge_group):
    first = client.get("/compare/alpha-vs-beta/")
    second = client.get("/compare/alpha-vs-beta/?part=2")

    assert weight_names(first) == ["w-api-1", "w-api-2", "w-api-3"]
    assert weight_names(second) == ["w-api-4", "w-api-5", "w-api-6"]


def test_the_fit_page_offers_the_weights_of_one_part_and_keeps_the_others(client, huge_group):
    first = client.get("/fit/")
    second = client.get("/fit/?w-api-1=3&part=2")

    assert weight_names(first) == ["w-api-1", "w-api-2", "w-api-3"]
    assert 'href="/fit/?group=tooling"' in first.content.decode()
    html = second.content.decode()
    assert weight_names(second) == ["w-api-4", "w-api-5", "w-api-6"]
    assert '<input type="hidden" name="w-api-1" value="3">' in html
    assert "Criteria 4–6 of 7 in this group (part 2 of 3)." in html
    assert re.findall(r'<tr id="fit--([^"]+)">', html) == ["alpha", "beta"]


def test_the_fit_page_names_a_wrong_part(client, huge_group):
    response = client.get("/fit/?part=9&w-api-1=3")

    assert response.status_code == 400
    assert "This group has 3 parts; part 9 is not one of them." in response.content.decode()
    assert weight_names(response) == ["w-api-1", "w-api-2", "w-api-3"]
