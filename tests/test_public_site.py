"""The public site: listings, filters, compare options, ranking, search, feeds — and bad input."""

import datetime
import html
import re

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from comparisons.choices import SupportLevel
from comparisons.models import Assessment, Criterion, Framework

from .factories import (
    AssessmentFactory,
    ComparisonFactory,
    ComparisonPointFactory,
    CriterionFactory,
    CriterionGroupFactory,
    ExtensionFactory,
    FrameworkFactory,
    ReleaseFactory,
    SupportStatementFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db


def assessed_frameworks(response) -> list[str]:
    """The slugs of the frameworks a criterion page has a section for, in order."""
    return re.findall(r'<section class="assessment" id="([^"]+)"', response.content.decode())


def listed_framework_names(response):
    return re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


@pytest.fixture
def catalogue(flask_and_django):
    """Flask and Django plus FastAPI (MIT, 2018, tag Async): forms partial, no admin site, the rest by extension."""
    fastapi = FrameworkFactory(
        name="FastAPI", slug="fastapi", language="Python", license="MIT", first_release_year=2018
    )
    fastapi.tags.add(TagFactory(name="Async", slug="async"))
    for criterion in Criterion.objects.all():
        level = {"forms": "partial", "admin-site": "none"}.get(criterion.slug, "extension")
        AssessmentFactory(framework=fastapi, criterion=criterion, support_level=level)
    return fastapi


# -- /frameworks/ --------------------------------------------------------------


def test_framework_list_shows_every_published_framework(client, catalogue):
    FrameworkFactory(name="Hidden", is_published=False)

    response = client.get("/frameworks/")

    assert response.status_code == 200
    assert listed_framework_names(response) == ["Django", "FastAPI", "Flask"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=jinja", ["Flask"]),
        ("tag=wsgi", ["Django", "Flask"]),
        ("tag=wsgi&tag=full-stack", ["Django"]),
        ("license=MIT", ["FastAPI"]),
        ("language=Python", ["Django", "FastAPI", "Flask"]),
        ("supports=forms&supports=admin-site", ["Django"]),
        ("supports=forms&level=extension", ["Django", "Flask"]),
        ("supports=forms&level=partial", ["Django", "FastAPI", "Flask"]),
        ("supports=admin-site&level=partial", ["Django", "Flask"]),
        ("ordering=-year", ["FastAPI", "Flask", "Django"]),
        ("ordering=-name", ["Flask", "FastAPI", "Django"]),
        ("ordering=-name,,", ["Flask", "FastAPI", "Django"]),
        ("ordering=,,,", ["Django", "FastAPI", "Flask"]),
    ],
)
def test_framework_filters_narrow_and_sort_the_list(client, catalogue, query, expected):
    response = client.get(f"/frameworks/?{query}")

    assert response.status_code == 200
    assert listed_framework_names(response) == expected


def test_active_filters_are_shown_and_each_can_be_removed(client, catalogue):
    response = client.get("/frameworks/?tag=wsgi&tag=full-stack&supports=forms")

    chips = {chip["value"]: chip["remove_url"] for chip in response.context["active_filters"]}
    assert chips["WSGI"] == "/frameworks/?tag=full-stack&supports=forms"
    assert chips["Full-stack"] == "/frameworks/?tag=wsgi&supports=forms"
    assert chips["Forms"] == "/frameworks/?tag=wsgi&tag=full-stack"
    assert 'aria-label="Remove filter Tags (all of): WSGI"' in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("tag=nope", "Select a valid choice"),
        ("level=best", "Select a valid choice"),
        ("supports=teleportation", "No published criterion has the slug or name “teleportation”."),
        ("q=%00", "Null characters are not allowed."),
        ("q=" + "x" * 5000, "Ensure this value has at most 200 characters"),
        ("ordering=password", "Select a valid choice"),
        ("&".join(["language=Python"] * 31), "Choose at most 30 values."),
        ("page=99", "There is no page “99” of these results."),
        ("page=abc", "There is no page “abc” of these results."),
    ],
)
def test_invalid_framework_filters_name_the_problem_and_list_nothing(client, catalogue, query, message):
    response = client.get(f"/frameworks/?{query}")

    assert response.status_code == 400
    assert message in response.content.decode()
    assert listed_framework_names(response) == []


# -- criteria ----------------------------------------------------------------


def test_criterion_list_groups_the_criteria(client, flask_and_django):
    response = client.get("/criteria/")

    page = response.content.decode()
    assert response.status_code == 200
    assert page.index("Core") < page.index("The request object") < page.index("Data") < page.index("Forms")


def test_criterion_page_filters_by_support_level(client, catalogue):
    response = client.get("/criteria/forms/?level=extension")

    assert response.status_code == 200
    assert assessed_frameworks(response) == ["flask"]


def test_criterion_page_refuses_an_unknown_level(client):
    AssessmentFactory(criterion__slug="forms")

    response = client.get("/criteria/forms/?level=superb")

    assert response.status_code == 400
    assert "superb is not one of the available choices" in response.content.decode()
    assert assessed_frameworks(response) == []


def test_stale_assessments_carry_a_needs_review_badge(client, flask_and_django, settings):
    settings.ASSESSMENT_STALE_AFTER_DAYS = 30
    Assessment.objects.filter(framework__slug="flask", criterion__slug="forms").update(
        last_reviewed=datetime.date.today() - datetime.timedelta(days=31)
    )

    page = client.get("/criteria/forms/").content.decode()

    assert page.count('class="badge badge--stale"') == 1
    assert assessed_frameworks(client.get("/criteria/forms/?stale=true")) == ["flask"]


# -- compare options and the fit ranking -------------------------------------


def matrix_group_names(page: str) -> list[str]:
    """The criterion groups heading the compare matrix's row groups, in order."""
    return [html.unescape(name) for name in re.findall(r'<th scope="rowgroup" colspan="\d+">([^<]+)</th>', page)]


def test_without_an_editors_comparison_each_row_says_what_differs_generated_from_the_data(client, catalogue):
    flask_forms = Assessment.objects.get(framework__slug="flask", criterion__slug="forms")
    since = ReleaseFactory(framework=flask_forms.framework, version="0.7")
    SupportStatementFactory(assessment=flask_forms, support_level=SupportLevel.EXTENSION, since=since)

    page = client.get("/compare/fastapi-vs-flask/").content.decode()

    assert 'What differs <span class="muted">(generated from the levels)</span>' in page
    differences = {
        slug: re.sub(r"<[^>]+>", "", text)
        for slug, text in re.findall(
            r'(?s)<tr id="row--([a-z-]+)"(?:(?!<tr ).)*?<td class="generated-difference">(.*?)</td>', page
        )
    }
    assert differences["forms"] == "What differsVia extension: Flask since 0.7 · Partial: FastAPI"
    assert differences["database-layer"] == "What differsSame level everywhere"


def test_a_compare_cell_names_its_framework_for_the_phone_layout(client, flask_and_django):
    page = client.get("/compare/django-vs-flask/").content.decode()

    assert '<td class="cell cell--extension" id="cell--flask--forms"><span class="cell__label">Flask</span>' in page


def test_compare_marks_rows_where_every_framework_agrees(client, flask_and_django):
    page = client.get("/compare/django-vs-flask/").content.decode()

    uniform_rows = re.findall(
        r'<tr id="row--[a-z-]+" data-uniform><th scope="row"><a href="/criteria/([a-z-]+)/">', page
    )
    assert uniform_rows == ["request-object"]
    assert "matrix--differences-only" not in page


def test_differences_only_hides_identical_rows_without_javascript(client, flask_and_django):
    response = client.get("/compare/django-vs-flask/?differences=on")

    assert response.status_code == 200
    assert 'class="matrix matrix--differences-only"' in response.content.decode()


def test_compare_can_show_one_criterion_group(client, flask_and_django):
    page = client.get("/compare/django-vs-flask/?group=data").content.decode()

    assert matrix_group_names(page) == ["Data"]


def test_weights_rank_the_compared_frameworks(client, catalogue):
    response = client.get("/compare/django-vs-fastapi-vs-flask/?w-forms=3&w-database-layer=1")

    assert response.status_code == 200
    fits = [(fit.framework.slug, fit.percent) for fit in response.context["fits"]]
    # Django 3·3+1·3=12/12; Flask 3·2+1·2=8/12; FastAPI 3·1+1·2=5/12.
    assert fits == [("django", 100), ("flask", 67), ("fastapi", 42)]


def test_unknown_cells_count_neither_for_nor_against_and_are_listed(client, catalogue):
    Assessment.objects.filter(framework__slug="flask", criterion__slug="forms").update(support_level="unknown")
    Assessment.objects.filter(framework__slug="django", criterion__slug="forms").update(support_level="none")

    response = client.get("/compare/django-vs-flask/?w-forms=2&w-admin-site=1")

    fits = {fit.framework.slug: fit for fit in response.context["fits"]}
    # Django: forms 2·0 + admin 1·3 = 3 of 9. Flask: forms unknown, admin 1·2 = 2 of 3.
    assert (fits["django"].points, fits["django"].max_points, fits["django"].percent) == (3, 9, 33)
    assert (fits["flask"].points, fits["flask"].max_points, fits["flask"].percent) == (2, 3, 67)
    assert [criterion.slug for criterion in fits["flask"].unknown] == ["forms"]
    assert [fit.framework.slug for fit in response.context["fits"]] == ["flask", "django"]


def test_each_score_shows_how_it_is_made(client, catalogue):
    response = client.get("/fit/?w-forms=3&w-admin-site=1")

    flask = ranked_row_text(response, "flask")
    assert "Forms 3 + Via extension 3 × 2 = 6 of 9" in flask
    assert "Admin site 1 + Via extension 1 × 2 = 2 of 3" in flask
    assert "Total 8 of 12 = 67%" in flask


def ranked(response) -> list[tuple[str, str]]:
    """(framework slug, rank) of each row of the fit ranking on the page."""
    return re.findall(r'<tr id="fit--([^"]+)">\s*<td>(\d+)</td>', response.content.decode())


def ranked_row(response, slug) -> str:
    """The HTML of a framework's row of the fit ranking."""
    return (
        response.content.decode()
        .split(f'<tr id="fit--{slug}">')[1]
        .split('<tr id="fit--')[0]
        .split("</table>\n</div>")[0]
    )


def ranked_row_text(response, slug) -> str:
    """The text of a framework's row of the fit ranking, its score explained, spaces squeezed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", ranked_row(response, slug))).split())


def fit_percents(response) -> dict[str, int | None]:
    """{framework slug: its fit in percent, None when nothing is known} as the fit ranking shows it."""
    shown = {}
    for slug, _ in ranked(response):
        percent = re.search(r'<span class="fit-percent">(\d+)%</span>', ranked_row(response, slug))
        shown[slug] = int(percent[1]) if percent else None
    return shown


def test_the_ranking_goes_on_page_after_page_keeping_the_weights(client, catalogue, monkeypatch):
    monkeypatch.setattr("comparisons.views.FIT_FRAMEWORKS_PER_PAGE", 2)

    first = client.get("/fit/?w-forms=3&w-database-layer=1")
    second = client.get("/fit/?w-forms=3&w-database-layer=1&page=2")

    # Django 12/12, Flask 8/12, FastAPI 5/12: two on the first page, the third on the next.
    assert ranked(first) == [("django", "1"), ("flask", "2")]
    assert ranked(second) == [("fastapi", "3")]
    assert "Ranks 1–2 of 3 frameworks." in first.content.decode()
    assert 'href="?w-forms=3&amp;w-database-layer=1&amp;page=2"' in first.content.decode()


def test_a_page_of_the_ranking_that_does_not_exist_is_named(client, catalogue):
    response = client.get("/fit/?w-forms=3&page=9")

    assert response.status_code == 400
    assert "There is no page “9” of these results." in response.content.decode()
    assert ranked(response)[0] == ("django", "1")  # the first page instead


def test_a_reader_can_weigh_via_extension_lower_than_built_in(client, catalogue):
    default = client.get("/fit/?w-forms=3")
    strict = client.get("/fit/?w-forms=3&extension=0")

    def percents(response):
        return fit_percents(response)

    assert percents(default)["flask"] == 67
    assert percents(strict) == {"django": 100, "fastapi": 33, "flask": 0}
    assert "3 × 0 = 0" in html.unescape(strict.content.decode())


def test_a_wrong_extension_weight_is_named(client, catalogue):
    response = client.get("/fit/?w-forms=3&extension=9")

    assert response.status_code == 400
    assert "“Via extension” earns 0, 1, 2 or 3 points, not “9”." in response.content.decode()


def test_a_misspelt_weight_is_named_while_the_valid_weights_still_rank(client, catalogue):
    response = client.get("/compare/django-vs-fastapi-vs-flask/?w-forms=3&w-admin-stie=3&w-database-layer=9")

    page = response.content.decode()
    assert response.status_code == 400
    assert "w-admin-stie" in page and "The weight must be 0, 1, 2 or 3, not “9”." in page
    assert [(fit.framework.slug, fit.percent) for fit in response.context["fits"]] == [
        ("django", 100),
        ("flask", 67),
        ("fastapi", 33),
    ]


def test_a_framework_with_nothing_known_ranks_last_without_a_score(client, catalogue):
    Assessment.objects.filter(framework__slug="django", criterion__slug="forms").update(support_level="unknown")

    response = client.get("/compare/django-vs-fastapi-vs-flask/?w-forms=3")

    assert [fit.framework.slug for fit in response.context["fits"]][-1] == "django"
    assert response.context["fits"][-1].percent is None
    assert "Nothing known yet" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("w-forms=abc", "Forms: The weight must be 0, 1, 2 or 3, not “abc”."),
        ("w-forms=7", "Forms: The weight must be 0, 1, 2 or 3, not “7”."),
        (
            "w-teleportation=2",
            "These weights name no published criterion and were left out (the others still count): w-teleportation.",
        ),
        ("group=nope", "“nope” is not a criterion group."),
    ],
)
def test_invalid_compare_options_name_the_problem(client, flask_and_django, query, message):
    response = client.get(f"/compare/django-vs-flask/?{query}")

    assert response.status_code == 400
    assert message in response.content.decode()
    assert response.context["fits"] == []


def test_the_canonical_redirect_keeps_the_options(client, flask_and_django):
    response = client.get("/compare/flask-vs-django/?w-forms=3&differences=on")

    assert response.status_code == 301
    assert response.url == "/compare/django-vs-flask/?w-forms=3&differences=on"


def test_fit_page_ranks_every_published_framework(client, catalogue):
    response = client.get("/fit/?w-admin-site=3")

    assert response.status_code == 200
    assert ranked(response) == [("django", "1"), ("flask", "2"), ("fastapi", "3")]
    assert "/compare/?frameworks=django&amp;frameworks=flask&amp;frameworks=fastapi&amp;w-admin-site=3" in (
        response.content.decode()
    )


def test_fit_page_without_weights_asks_for_them(client, flask_and_django):
    response = client.get("/fit/")

    assert response.status_code == 200
    assert "Give at least one criterion a weight" in response.content.decode()


def test_fit_page_refuses_a_non_numeric_weight(client, flask_and_django):
    assert client.get("/fit/?w-forms=lots").status_code == 400


# -- comparisons --------------------------------------------------------------


def test_comparison_list_filters_by_framework(client, catalogue):
    ComparisonFactory(title="Django vs FastAPI", frameworks=[Framework.objects.get(slug="django"), catalogue])

    names = {c.title for c in client.get("/comparisons/").context["comparisons"]}
    assert names == {"Django vs FastAPI", "Flask vs Django"}
    names = [c.title for c in client.get("/comparisons/?framework=fastapi").context["comparisons"]]
    assert names == ["Django vs FastAPI"]
    names = [c.title for c in client.get("/comparisons/?framework=flask&framework=django").context["comparisons"]]
    assert names == ["Flask vs Django"]


def test_comparison_list_refuses_an_unknown_framework(client):
    response = client.get("/comparisons/?framework=nope")

    assert response.status_code == 400
    assert list(response.context["comparisons"]) == []


# -- search ---------------------------------------------------------------------


def test_search_finds_every_kind_of_content_with_context(client):
    flask = FrameworkFactory(name="Flask", description="Templates are written in Jinja.")
    templates = CriterionFactory(name="Templates", summary="Is there a template language such as Jinja?")
    forms = CriterionFactory(name="Forms")
    AssessmentFactory(framework=flask, criterion=templates, details="Flask renders Jinja templates.")
    AssessmentFactory(framework=flask, criterion=forms, extensions=[ExtensionFactory(name="Jinja-Forms")])
    ComparisonPointFactory(comparison__title="Flask vs Bottle", key_difference="Only Flask ships Jinja.")
    FrameworkFactory(name="Bottle", description="SimpleTemplate ships with it.")

    response = client.get("/search/?q=jinja")

    results = response.context["results"]
    assert response.status_code == 200
    assert [(hit.title, hit.context) for hit in results.frameworks] == [("Flask", "Templates are written in Jinja.")]
    assert [hit.title for hit in results.criteria] == ["Templates"]
    assert [hit.title for hit in results.assessments] == ["Flask · Forms", "Flask · Templates"]
    assert results.assessments[1].context == "Flask renders Jinja templates."
    assert [hit.title for hit in results.comparisons] == ["Flask vs Bottle"]
    assert "<mark>Jinja</mark>" in response.content.decode()


def test_search_escapes_what_it_echoes(client):
    response = client.get("/search/?q=<script>alert(1)</script>")

    page = response.content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("q=%00x", "Null characters are not allowed."),
        ("q=" + "x" * 5000, "Ensure this value has at most 200 characters"),
        ("q=x", "Ensure this value has at least 2 characters"),
        ("q=", "Type what to search for."),
    ],
)
def test_search_refuses_bad_queries_with_a_message(client, query, message):
    response = client.get(f"/search/?{query}")

    assert response.status_code == 400
    assert message in response.content.decode()


def test_search_never_returns_drafts(client):
    FrameworkFactory(name="Open", summary="SQLAlchemy everywhere")
    FrameworkFactory(name="Secretive", summary="SQLAlchemy everywhere", is_published=False)

    titles = [hit.title for hit in client.get("/search/?q=sqlalchemy").context["results"].frameworks]

    assert titles == ["Open"]


# -- drafts, feeds, sitemap, meta -------------------------------------------------


def test_staff_preview_drafts_with_a_banner(client, admin_user):
    FrameworkFactory(slug="upcoming", is_published=False)
    CriterionFactory(slug="draft-criterion", is_published=False)
    client.force_login(admin_user)

    for url in ("/frameworks/upcoming/", "/criteria/draft-criterion/"):
        response = client.get(url)
        assert response.status_code == 200
        assert 'class="draft-banner"' in response.content.decode()


def test_staff_see_a_draft_comparison_on_its_compare_page(client, admin_user):
    first, second = FrameworkFactory(slug="alpha"), FrameworkFactory(slug="beta")
    ComparisonFactory(frameworks=[first, second], status="draft", published_at=None, tldr="Draft verdict")

    assert "Draft verdict" not in client.get("/compare/alpha-vs-beta/").content.decode()
    client.force_login(admin_user)
    page = client.get("/compare/alpha-vs-beta/").content.decode()
    assert "Draft verdict" in page
    assert 'class="draft-banner"' in page


def test_sitemap_lists_public_pages_only(client, flask_and_django):
    FrameworkFactory(slug="hidden", is_published=False)

    xml = client.get("/sitemap.xml").content.decode()

    for path in ("/frameworks/django/", "/criteria/forms/", "/compare/django-vs-flask/", "/fit/"):
        assert f"<loc>http://testserver{path}</loc>" in xml
    assert "/frameworks/hidden/" not in xml


def test_robots_txt_points_to_the_sitemap_and_keeps_the_admin_path_to_itself(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain"
    assert "Disallow: /search/" in response.content.decode()
    assert "admin" not in response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_atom_feed_lists_recent_comparisons_and_assessments(client, flask_and_django):
    response = client.get("/feeds/recent.atom")

    xml = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "<title>Comparison: Flask vs Django</title>" in xml
    assert "Flask · Forms: Via extension" in xml


def test_every_page_has_a_title_description_canonical_link_and_open_graph(client, flask_and_django):
    for url in (
        "/",
        "/frameworks/",
        "/frameworks/flask/",
        "/criteria/",
        "/criteria/forms/",
        "/compare/django-vs-flask/",
    ):
        page = client.get(url + "?utm=x").content.decode()
        assert re.search(r"<title>[^<]+ &middot; comparesite</title>", page), url  # shown as "Flask · comparesite"
        assert '<meta name="description" content="' in page
        assert f'<link rel="canonical" href="http://testserver{url}">' in page, url
        assert '<meta property="og:title"' in page


def test_unknown_pages_get_the_sites_404_page(client):
    response = client.get("/no/such/page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_the_500_page_renders_without_a_request_context():
    html = render_to_string("500.html", request=RequestFactory().get("/"))

    assert "Something went wrong" in html


def test_support_levels_read_as_words_and_symbols_not_colour_alone(client, flask_and_django):
    # Symbols outside ASCII are written as character references (&#10004;), which browsers show as the symbol.
    page = html.unescape(client.get("/compare/django-vs-flask/").content.decode())

    for level in (SupportLevel.BUILT_IN, SupportLevel.EXTENSION):
        assert f'<span class="level__symbol" aria-hidden="true">{level.symbol}</span> {level.label}' in page


def test_group_factory_order_is_respected_on_the_compare_page(client):
    late, early = CriterionGroupFactory(position=20), CriterionGroupFactory(position=10)
    criterion_late, criterion_early = CriterionFactory(group=late), CriterionFactory(group=early)
    first, second = FrameworkFactory(slug="one"), FrameworkFactory(slug="two")
    for framework in (first, second):
        AssessmentFactory(framework=framework, criterion=criterion_late)
        AssessmentFactory(framework=framework, criterion=criterion_early)

    page = client.get("/compare/one-vs-two/").content.decode()

    assert matrix_group_names(page) == [early.name, late.name]


@pytest.mark.parametrize(
    "value", ["9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00%2B05:00", "2020-01-01T00:00:00%2B23:59"]
)
def test_extreme_dates_in_updated_since_are_a_400_not_a_500(client, value):
    criterion = CriterionFactory()

    response = client.get(f"{criterion.get_absolute_url()}?updated_since={value}")

    assert response.status_code == 400


def test_a_repeated_single_value_filter_shows_the_applied_value_once(client, catalogue):
    response = client.get("/frameworks/?q=fl&q=jinja")

    chips = response.context["active_filters"]
    assert [(chip["label"], chip["value"]) for chip in chips] == [("Search", "jinja")]
    assert chips[0]["remove_url"] == "/frameworks/"
    assert listed_framework_names(response) == ["Flask"]


def test_the_level_shows_as_a_filter_only_with_a_capability(client, catalogue):
    alone = client.get("/frameworks/?level=built_in").context["active_filters"]
    together = client.get("/frameworks/?supports=forms&level=built_in").context["active_filters"]

    assert alone == []
    assert [chip["label"] for chip in together] == ["Supports", "at least"]


def test_filter_choices_come_from_published_frameworks_only(client, catalogue):
    FrameworkFactory(language="Rust", license="Proprietary", is_published=False)

    page = client.get("/frameworks/").content.decode()

    assert "Rust" not in page
    assert "Proprietary" not in page
    assert client.get("/frameworks/?language=Rust").status_code == 400


def test_sort_options_read_as_words(client):
    page = client.get("/frameworks/").content.decode()

    for label in ("Oldest first", "Newest first", "Least recently updated", "Recently updated"):
        assert f">{label}</option>" in page


def test_frameworks_without_a_release_year_sort_last_both_ways(client, catalogue):
    FrameworkFactory(name="Ageless", first_release_year=None)

    assert listed_framework_names(client.get("/frameworks/?ordering=-year"))[-1] == "Ageless"
    assert listed_framework_names(client.get("/frameworks/?ordering=year"))[-1] == "Ageless"


def test_markdown_headings_never_repeat_an_id_on_a_page(client, flask_and_django):
    Assessment.objects.filter(criterion__slug="forms").update(details="")
    for assessment in Assessment.objects.filter(criterion__slug="forms"):
        assessment.details = "# Example\n\nText."
        assessment.save()

    page = client.get("/compare/django-vs-flask/").content.decode()

    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert 'id="md-flask-forms-details-example"' in page


def page_meta(response) -> dict:
    page = response.content.decode()

    def content_of(attribute, name):
        match = re.search(rf'<meta {attribute}="{name}" content="([^"]*)">', page)
        return match.group(1) if match else None

    title = re.search(r"<title>(.*?) &middot; comparesite</title>", page).group(1)
    return {
        "title": title,
        "og:title": content_of("property", "og:title"),
        "description": content_of("name", "description"),
        "og:description": content_of("property", "og:description"),
    }


def test_every_page_has_its_own_title_and_description_for_link_previews(client):
    flask = FrameworkFactory(name="Flask", slug="flask", summary="A micro framework.")
    django = FrameworkFactory(name="Django", slug="django", summary="Batteries included.")
    criterion = CriterionFactory(name="Forms", summary="Does it validate forms?")
    AssessmentFactory(framework=flask, criterion=criterion)
    urls = [
        "/",
        "/frameworks/",
        "/frameworks/flask/",
        "/frameworks/django/",
        "/criteria/",
        criterion.get_absolute_url(),
    ]
    urls += ["/compare/", "/compare/django-vs-flask/", "/fit/", "/comparisons/", "/changes/", "/search/?q=forms"]

    metas = {url: page_meta(client.get(url)) for url in urls}

    for url, meta in metas.items():
        assert meta["title"] and meta["og:title"] == meta["title"], url
        assert meta["description"] and meta["og:description"] == meta["description"], url
    assert len({meta["title"] for meta in metas.values()}) == len(urls)
    assert metas["/frameworks/django/"]["og:description"] == django.summary
    assert metas["/compare/django-vs-flask/"]["og:title"] == "Django vs Flask"


def test_a_weight_name_with_a_null_character_is_named_as_unknown_not_a_server_error(client, flask_and_django):
    response = client.get("/compare/django-vs-flask/?group=data&w-x%00y=1")

    assert response.status_code == 400
    assert "name no published criterion" in response.content.decode()
