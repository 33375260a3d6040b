"""Invariants the database enforces, whatever path a write takes."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from comparisons.choices import ComparisonStatus, Edge, SupportLevel
from comparisons.models import (
    ASSESSMENT_DETAILS_MAX,
    Assessment,
    Comparison,
    ComparisonPoint,
    Framework,
    Tag,
    framework_set_key,
)

from .factories import (
    AssessmentFactory,
    ComparisonFactory,
    ComparisonPointFactory,
    CriterionFactory,
    FrameworkFactory,
)

pytestmark = pytest.mark.django_db


def assert_rejected_by_database(write):
    with pytest.raises(IntegrityError), transaction.atomic():
        write()


def test_database_rejects_a_second_assessment_for_the_same_pair():
    first = AssessmentFactory()

    assert_rejected_by_database(
        lambda: Assessment.objects.create(
            framework=first.framework, criterion=first.criterion, summary="Again", last_reviewed=first.last_reviewed
        )
    )
    assert Assessment.objects.count() == 1


def test_database_rejects_an_unknown_support_level():
    assessment = AssessmentFactory()

    assert_rejected_by_database(lambda: Assessment.objects.filter(pk=assessment.pk).update(support_level="great"))


def test_database_rejects_markdown_over_the_cap_even_when_forms_are_bypassed():
    assessment = AssessmentFactory()

    assert_rejected_by_database(
        lambda: Assessment.objects.filter(pk=assessment.pk).update(details="x" * (ASSESSMENT_DETAILS_MAX + 1))
    )


def test_model_validation_names_the_markdown_cap():
    assessment = AssessmentFactory.build(details="x" * (ASSESSMENT_DETAILS_MAX + 1))

    with pytest.raises(ValidationError) as error:
        assessment.full_clean(exclude=["framework", "criterion"])

    assert "the limit is 6000" in str(error.value.message_dict["details"])


@pytest.mark.parametrize("slug", ["vs", "vs-code", "django-vs", "django-vs-flask"])
def test_database_rejects_framework_slugs_that_would_break_compare_urls(slug):
    assert_rejected_by_database(lambda: FrameworkFactory(slug=slug))


@pytest.mark.parametrize("slug", ["Flask", "flask_web", "flask--web", "-flask", "vs-code", "django-vs-flask"])
def test_framework_slug_validation_names_the_problem(slug):
    framework = FrameworkFactory.build(slug=slug)

    with pytest.raises(ValidationError) as error:
        framework.full_clean()

    assert "slug" in error.value.message_dict


def test_database_rejects_an_empty_slug():
    assert_rejected_by_database(lambda: CriterionFactory(slug=""))


@pytest.mark.parametrize("year", [1989, 2101])
def test_database_rejects_an_implausible_first_release_year(year):
    assert_rejected_by_database(lambda: FrameworkFactory(first_release_year=year))


def test_database_rejects_a_published_comparison_without_a_publish_date():
    assert_rejected_by_database(lambda: ComparisonFactory(status=ComparisonStatus.PUBLISHED, published_at=None))


def test_database_rejects_a_second_point_for_the_same_criterion():
    point = ComparisonPointFactory()

    assert_rejected_by_database(
        lambda: ComparisonPoint.objects.create(
            comparison=point.comparison, criterion=point.criterion, key_difference="Again"
        )
    )


def test_database_requires_an_edge_framework_exactly_when_one_framework_has_the_edge():
    framework = FrameworkFactory()

    assert_rejected_by_database(lambda: ComparisonPointFactory(edge=Edge.FRAMEWORK, edge_framework=None))
    assert_rejected_by_database(lambda: ComparisonPointFactory(edge=Edge.DEPENDS, edge_framework=framework))
    ComparisonPointFactory(edge=Edge.FRAMEWORK, edge_framework=framework)


def test_markdown_is_rendered_into_html_when_saved():
    framework = FrameworkFactory(description="Uses *Werkzeug*.")

    assert framework.description_html == "<p>Uses <em>Werkzeug</em>.</p>"

    framework.description = "Uses **Jinja**."
    framework.save()
    framework.refresh_from_db()

    assert framework.description_html == "<p>Uses <strong>Jinja</strong>.</p>"


def test_a_comparison_needs_two_frameworks():
    with pytest.raises(ValidationError) as error:
        Comparison(status=ComparisonStatus.DRAFT).validate_frameworks([FrameworkFactory()])

    assert error.value.message_dict["frameworks"] == ["Choose at least two frameworks to compare."]


def test_one_set_of_frameworks_has_one_published_comparison():
    django, flask = FrameworkFactory(slug="django"), FrameworkFactory(slug="flask")
    ComparisonFactory(frameworks=[django, flask])

    with pytest.raises(ValidationError):
        Comparison(status=ComparisonStatus.PUBLISHED).validate_frameworks([flask, django])
    # A draft of the same set, or a published comparison of a larger set, is fine.
    Comparison(status=ComparisonStatus.DRAFT).validate_frameworks([flask, django])
    Comparison(status=ComparisonStatus.PUBLISHED).validate_frameworks([flask, django, FrameworkFactory()])


def test_comparison_url_is_the_canonical_compare_url_of_its_frameworks():
    comparison = ComparisonFactory(frameworks=[FrameworkFactory(slug="flask"), FrameworkFactory(slug="django")])

    assert comparison.get_absolute_url() == "/compare/django-vs-flask/"


def test_support_levels_carry_a_score_and_a_symbol():
    assert [level.score for level in SupportLevel] == [3, 2, 1, 0, None]
    assert len({level.symbol for level in SupportLevel}) == len(SupportLevel)


def test_published_querysets_hide_drafts():
    FrameworkFactory(slug="public")
    FrameworkFactory(slug="hidden", is_published=False)

    assert list(Framework.objects.published().values_list("slug", flat=True)) == ["public"]


def test_framework_set_follows_the_frameworks_from_either_side():
    first, second, third = FrameworkFactory(), FrameworkFactory(), FrameworkFactory()
    comparison = ComparisonFactory(frameworks=[first, second])

    def stored_key():
        return Comparison.objects.get(pk=comparison.pk).framework_set

    assert stored_key() == framework_set_key([first.pk, second.pk])
    third.comparisons.add(comparison)
    assert stored_key() == framework_set_key([first.pk, second.pk, third.pk])
    comparison.frameworks.remove(first)
    assert stored_key() == framework_set_key([second.pk, third.pk])
    third.delete()
    assert stored_key() == framework_set_key([second.pk])
    second.comparisons.clear()
    assert stored_key() == ""


def test_saving_a_comparison_keeps_its_framework_set():
    comparison = ComparisonFactory(frameworks=[FrameworkFactory(), FrameworkFactory()])
    key = Comparison.objects.get(pk=comparison.pk).framework_set

    Comparison.objects.get(pk=comparison.pk).save()

    assert Comparison.objects.get(pk=comparison.pk).framework_set == key


def test_database_rejects_two_published_comparisons_of_the_same_set():
    frameworks = [FrameworkFactory(), FrameworkFactory()]
    ComparisonFactory(frameworks=frameworks)
    draft = ComparisonFactory(frameworks=frameworks, status=ComparisonStatus.DRAFT, published_at=None)

    draft.status, draft.published_at = ComparisonStatus.PUBLISHED, draft.created_at
    assert_rejected_by_database(draft.save)


def test_a_comparison_cannot_be_published_with_a_draft_framework():
    public, draft = FrameworkFactory(), FrameworkFactory(name="Unreleased", is_published=False)

    with pytest.raises(ValidationError) as error:
        Comparison(status=ComparisonStatus.PUBLISHED).validate_frameworks([public, draft])

    assert "Unreleased" in error.value.message_dict["frameworks"][0]


def test_a_published_comparison_disappears_while_one_of_its_frameworks_is_a_draft():
    draft = FrameworkFactory(is_published=False)
    comparison = ComparisonFactory(frameworks=[FrameworkFactory(), draft])

    assert comparison not in Comparison.objects.published()

    Framework.objects.filter(pk=draft.pk).update(is_published=True)
    assert comparison in Comparison.objects.published()


def test_the_edge_must_go_to_one_of_the_compared_frameworks():
    inside, outside = FrameworkFactory(), FrameworkFactory()
    comparison = ComparisonFactory(frameworks=[inside, FrameworkFactory()])
    point = ComparisonPointFactory.build(
        comparison=comparison, criterion=CriterionFactory(), edge=Edge.FRAMEWORK, edge_framework=outside
    )

    with pytest.raises(ValidationError) as error:
        point.full_clean()

    assert error.value.message_dict["edge_framework"] == [f"{outside} is not one of this comparison's frameworks."]
    point.edge_framework = inside
    point.full_clean()


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Flask\nFramework", "a line break"),
        ("Flask\r", "a line break"),
        ("Flask\u2029Framework", "a line break"),
        ("Flask\tFramework", "a tab"),
        ("Flask\x00", "a control character (U+0000)"),
        ("Flask\x9b", "a control character (U+009B)"),
    ],
)
def test_one_line_fields_refuse_control_characters_by_name(text, named):
    with pytest.raises(ValidationError) as refused:
        Tag(name=text, slug="flask").full_clean()

    assert refused.value.message_dict["name"] == [f"Use one line of plain text: this contains {named}."]


def validation_errors(instance) -> dict:
    """full_clean()'s messages by field: {} when the instance is valid."""
    try:
        instance.full_clean()
    except ValidationError as refused:
        return refused.message_dict
    return {}


@pytest.mark.parametrize(
    "text", ["Starlette · ASGI “toolkit” — 日本語 ✔", "Café\u00a0Flask (a no-break space)", "Python 🐍 frameworks"]
)
def test_one_line_fields_take_any_printable_text(text):
    tag = Tag(name=text, slug="printable")

    assert validation_errors(tag) == {}
    tag.save()
    assert Tag.objects.get(slug="printable").name == text
