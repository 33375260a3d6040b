"""The editors' admin: every screen opens, and bad input is refused with a form error."""

import datetime

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from comparisons.choices import ComparisonStatus, Edge
from comparisons.models import ASSESSMENT_DETAILS_MAX, Assessment, Comparison, DataCredit

from .factories import AssessmentFactory, CriterionFactory, FrameworkFactory, empty_inlines

pytestmark = pytest.mark.django_db

# Readers' problem reports, probe results and disagreements have their own tests (no one adds them in the admin).
CONTENT_MODELS = [
    model
    for model in apps.get_app_config("comparisons").get_models()
    if admin.site.is_registered(model) and model.__name__ not in ("ProblemReport", "Evidence", "Disagreement")
]


@pytest.fixture(autouse=True)
def a_data_credit(db):
    """A credited third-party licence, so every admin screen has a row to open."""
    return DataCredit.objects.create(
        name="CC BY 4.0", url="https://creativecommons.org/licenses/by/4.0/", attribution="The Example Matrix"
    )


def admin_url(model, view, *args):
    return reverse(f"admin:comparisons_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda model: model.__name__)
def test_editor_can_open_every_changelist_add_and_change_page(editor_client, flask_and_django, model):
    instance = model.objects.first()

    assert editor_client.get(admin_url(model, "changelist")).status_code == 200
    assert editor_client.get(admin_url(model, "add")).status_code == 200
    assert editor_client.get(admin_url(model, "change", instance.pk)).status_code == 200


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda model: model.__name__)
def test_changelist_search_works(editor_client, flask_and_django, model):
    response = editor_client.get(admin_url(model, "changelist"), {"q": "flask"})

    assert response.status_code == 200


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda model: model.__name__)
def test_anonymous_visitor_is_sent_to_the_login_page(client, flask_and_django, model):
    instance = model.objects.first()

    for url in (admin_url(model, "changelist"), admin_url(model, "add"), admin_url(model, "change", instance.pk)):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))


@pytest.mark.parametrize(
    ("model_name", "lookup"),
    [("assessment", "support_level__exact"), ("comparison", "status__exact"), ("problemreport", "status__exact")],
)
def test_a_nul_in_a_changelist_filter_is_refused_like_any_bad_lookup(editor_client, model_name, lookup):
    url = reverse(f"admin:comparisons_{model_name}_changelist")

    response = editor_client.get(url, {lookup: "built\x00in"})

    assert (response.status_code, response.url) == (302, f"{url}?e=1")


@pytest.mark.parametrize("version", ["abc", "1x", "\x00", "\u00b2"])
def test_a_version_that_is_not_a_number_is_not_found(editor_client, version):
    assessment = AssessmentFactory()

    response = editor_client.get(admin_url(Assessment, "simple_history", assessment.pk, version))

    assert response.status_code == 404


def test_a_version_of_the_row_opens_from_its_history(editor_client):
    assessment = AssessmentFactory()
    version = assessment.history.latest()

    response = editor_client.get(admin_url(Assessment, "simple_history", assessment.pk, version.history_id))

    assert response.status_code == 200


def test_non_staff_user_cannot_open_the_admin(client, reader):
    client.force_login(reader)

    response = client.get(admin_url(Assessment, "changelist"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_markdown_fields_use_the_live_preview_editor(editor_client):
    response = editor_client.get(admin_url(Assessment, "change", AssessmentFactory().pk))

    assert b'class="markdownx"' in response.content
    assert b'data-markdownx-urls-path="/markdownx/markdownify/"' in response.content


def test_framework_page_edits_its_assessments_inline(editor_client):
    from comparisons.models import Framework

    framework = FrameworkFactory()
    AssessmentFactory.create_batch(2, framework=framework)

    response = editor_client.get(admin_url(Framework, "change", framework.pk))

    assert b'name="assessments-TOTAL_FORMS" value="2"' in response.content
    assert b"assessments-0-details" in response.content


def assessment_form_data(framework, criterion, **overrides):
    data = {
        "framework": framework.pk,
        "criterion": criterion.pk,
        "support_level": "built_in",
        "summary": "Ships with the framework.",
        "details": "Read the docs.",
        "last_reviewed": "2026-11-24",
        "sources-TOTAL_FORMS": "1",
        "sources-INITIAL_FORMS": "0",
        "sources-MIN_NUM_FORMS": "0",
        "sources-MAX_NUM_FORMS": "1000",
        "sources-0-title": "Docs",
        "sources-0-url": "https://docs.example/",
        "sources-0-position": "0",
        **empty_inlines("statements", "code_examples"),
    }
    data.update(overrides)
    return data


def test_editor_adds_an_assessment_with_a_source(editor_client):
    framework, criterion = FrameworkFactory(), CriterionFactory()

    response = editor_client.post(admin_url(Assessment, "add"), assessment_form_data(framework, criterion))

    assert response.status_code == 302
    assessment = Assessment.objects.get(framework=framework, criterion=criterion)
    assert assessment.details_html == "<p>Read the docs.</p>"
    assert list(assessment.sources.values_list("url", flat=True)) == ["https://docs.example/"]


def test_markdown_over_the_cap_is_a_form_error_and_nothing_is_saved(editor_client):
    framework, criterion = FrameworkFactory(), CriterionFactory()
    data = assessment_form_data(framework, criterion, details="x" * (ASSESSMENT_DETAILS_MAX + 1))

    response = editor_client.post(admin_url(Assessment, "add"), data)

    assert response.status_code == 200
    assert "details" in response.context["adminform"].form.errors
    assert not Assessment.objects.exists()


def test_a_second_assessment_for_the_same_pair_is_a_form_error(editor_client):
    existing = AssessmentFactory()

    response = editor_client.post(
        admin_url(Assessment, "add"), assessment_form_data(existing.framework, existing.criterion)
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors()
    assert Assessment.objects.count() == 1


def test_an_invalid_source_url_is_a_form_error_and_nothing_is_saved(editor_client):
    framework, criterion = FrameworkFactory(), CriterionFactory()

    response = editor_client.post(
        admin_url(Assessment, "add"), assessment_form_data(framework, criterion, **{"sources-0-url": "not a url"})
    )

    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][0].formset.errors[0]["url"]
    assert not Assessment.objects.exists()


def test_a_source_url_with_a_quote_is_a_form_error_that_says_why(editor_client):
    framework, criterion = FrameworkFactory(), CriterionFactory()
    data = assessment_form_data(framework, criterion, **{"sources-0-url": 'https://docs.example/"onmouseover="x'})

    response = editor_client.post(admin_url(Assessment, "add"), data)

    assert response.status_code == 200
    [message] = response.context["inline_admin_formsets"][0].formset.errors[0]["url"]
    assert "cannot contain spaces or any of" in message
    assert not Assessment.objects.exists()


def test_more_than_twenty_sources_are_a_form_error(editor_client):
    framework, criterion = FrameworkFactory(), CriterionFactory()
    sources = {"sources-TOTAL_FORMS": "21"}
    for n in range(21):
        sources |= {f"sources-{n}-title": f"Page {n}", f"sources-{n}-url": f"https://docs.example/{n}"}
    data = assessment_form_data(framework, criterion, **sources)

    response = editor_client.post(admin_url(Assessment, "add"), data)

    assert response.status_code == 200
    assert "Please submit at most 20 forms." in response.context["inline_admin_formsets"][0].formset.non_form_errors()
    assert not Assessment.objects.exists()


def comparison_form_data(frameworks, **overrides):
    data = {
        "title": "A vs B",
        "slug": "a-vs-b",
        "frameworks": [framework.pk for framework in frameworks],
        "status": ComparisonStatus.DRAFT,
        "published_at_0": "",
        "published_at_1": "",
        "tldr": "Short verdict.",
        "introduction": "",
        "conclusion": "",
        "points-TOTAL_FORMS": "0",
        "points-INITIAL_FORMS": "0",
        "points-MIN_NUM_FORMS": "0",
        "points-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_a_comparison_of_one_framework_is_a_form_error(editor_client):
    response = editor_client.post(admin_url(Comparison, "add"), comparison_form_data([FrameworkFactory()]))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["frameworks"] == ["Choose at least two frameworks to compare."]
    assert not Comparison.objects.exists()


def test_publishing_a_comparison_sets_its_publish_date(editor_client):
    frameworks = [FrameworkFactory(), FrameworkFactory()]

    response = editor_client.post(
        admin_url(Comparison, "add"), comparison_form_data(frameworks, status=ComparisonStatus.PUBLISHED)
    )

    assert response.status_code == 302
    comparison = Comparison.objects.get()
    assert comparison.published_at.date() == datetime.datetime.now(datetime.UTC).date()


def test_the_edge_can_only_go_to_a_compared_framework(editor_client):
    frameworks = [FrameworkFactory(), FrameworkFactory()]
    outsider, criterion = FrameworkFactory(), CriterionFactory()
    data = comparison_form_data(
        frameworks,
        **{
            "points-TOTAL_FORMS": "1",
            "points-0-criterion": criterion.pk,
            "points-0-key_difference": "One is faster.",
            "points-0-edge": Edge.FRAMEWORK,
            "points-0-edge_framework": outsider.pk,
            "points-0-position": "0",
        },
    )

    response = editor_client.post(admin_url(Comparison, "add"), data)

    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][0].formset.errors[0]
    assert errors["edge_framework"] == [f"{outsider} is not one of this comparison's frameworks."]
    assert not Comparison.objects.exists()

    data["points-0-edge_framework"] = frameworks[0].pk
    assert editor_client.post(admin_url(Comparison, "add"), data).status_code == 302
    assert Comparison.objects.get().points.get().edge_framework == frameworks[0]


def test_the_point_admin_also_keeps_the_edge_among_the_compared_frameworks(editor_client, flask_and_django):
    from comparisons.models import ComparisonPoint

    point = ComparisonPoint.objects.get(comparison__slug="flask-vs-django", criterion__slug="forms")
    outsider = FrameworkFactory()
    data = {
        "comparison": point.comparison.pk,
        "criterion": point.criterion.pk,
        "key_difference": point.key_difference,
        "edge": Edge.FRAMEWORK,
        "edge_framework": outsider.pk,
        "position": point.position,
    }

    response = editor_client.post(admin_url(ComparisonPoint, "change", point.pk), data)

    assert response.status_code == 200
    assert "edge_framework" in response.context["adminform"].form.errors
    point.refresh_from_db()
    assert point.edge_framework.slug == "django"
