import datetime

import factory
from django.utils import timezone

from comparisons import models
from comparisons.choices import ComparisonStatus, SupportLevel


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Tag

    name = factory.Sequence(lambda n: f"Tag {n}")
    slug = factory.Sequence(lambda n: f"tag-{n}")


class CriterionGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.CriterionGroup

    name = factory.Sequence(lambda n: f"Group {n}")
    slug = factory.Sequence(lambda n: f"group-{n}")
    position = factory.Sequence(lambda n: n)


class ExtensionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Extension

    name = factory.Sequence(lambda n: f"Extension {n}")
    slug = factory.Sequence(lambda n: f"extension-{n}")
    url = factory.Sequence(lambda n: f"https://extensions.example/{n}/")


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Framework
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Framework {n}")
    slug = factory.Sequence(lambda n: f"framework-{n}")
    summary = "A web framework."
    description = "It handles **requests**."
    license = "MIT"
    website_url = factory.Sequence(lambda n: f"https://framework-{n}.example/")
    is_published = True

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Criterion

    name = factory.Sequence(lambda n: f"Criterion {n}")
    slug = factory.Sequence(lambda n: f"criterion-{n}")
    group = factory.SubFactory(CriterionGroupFactory)
    summary = "What is judged."
    position = factory.Sequence(lambda n: n)
    is_published = True


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Assessment
        skip_postgeneration_save = True

    framework = factory.SubFactory(FrameworkFactory)
    criterion = factory.SubFactory(CriterionFactory)
    support_level = SupportLevel.BUILT_IN
    summary = "Covered by the framework."
    details = "See the [documentation](https://docs.example/)."
    last_reviewed = factory.LazyFunction(datetime.date.today)

    @factory.post_generation
    def extensions(self, create, extracted, **kwargs):
        if create and extracted:
            self.extensions.set(extracted)


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Source

    assessment = factory.SubFactory(AssessmentFactory)
    title = "Official documentation"
    url = factory.Sequence(lambda n: f"https://docs.example/{n}/")


class ComparisonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Comparison
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Comparison {n}")
    slug = factory.Sequence(lambda n: f"comparison-{n}")
    tldr = "One wins on batteries, the other on freedom."
    status = ComparisonStatus.PUBLISHED
    published_at = factory.LazyFunction(lambda: datetime.datetime.now(datetime.UTC))

    @factory.post_generation
    def frameworks(self, create, extracted, **kwargs):
        if create and extracted:
            self.frameworks.set(extracted)


class ComparisonPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ComparisonPoint

    comparison = factory.SubFactory(ComparisonFactory)
    criterion = factory.SubFactory(CriterionFactory)
    key_difference = "They differ."


class ReleaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Release

    framework = factory.SubFactory(FrameworkFactory)
    version = factory.Sequence(lambda n: f"1.{n}")
    released_on = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=30 * n))
    requires_python = ">=3.10"


class SupportStatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SupportStatement

    assessment = factory.SubFactory(AssessmentFactory)
    support_level = SupportLevel.BUILT_IN


class CodeExampleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.CodeExample

    assessment = factory.SubFactory(AssessmentFactory)
    title = "The job in a few lines"
    language = "python"
    code = 'print("hello")'
    output = "hello"


def build_matrix(frameworks: int, criteria: int):
    """A complete matrix of new frameworks × criteria, each cell with a source, and one comparison."""
    framework_rows = [FrameworkFactory() for _ in range(frameworks)]
    criterion_rows = [CriterionFactory() for _ in range(criteria)]
    for framework in framework_rows:
        for criterion in criterion_rows:
            SourceFactory(assessment=AssessmentFactory(framework=framework, criterion=criterion))
    ComparisonFactory(frameworks=framework_rows[:2])
    return framework_rows, criterion_rows


def assessment_change_data(assessment, **changes):
    """What the admin's change form posts for this assessment, with `changes` applied."""
    data = {
        "framework": assessment.framework_id,
        "criterion": assessment.criterion_id,
        "support_level": "built_in",
        "summary": assessment.summary,
        "details": assessment.details,
        "extensions": list(assessment.extensions.values_list("pk", flat=True)),
        "last_reviewed": assessment.last_reviewed.isoformat(),
        "loaded_version": assessment.version,
        **empty_inlines("sources", "statements", "code_examples"),
    }
    data.update(changes)
    return data


def empty_inlines(*prefixes) -> dict:
    """The management forms of admin inlines that post no rows."""
    data = {}
    for prefix in prefixes:
        data |= {
            f"{prefix}-TOTAL_FORMS": "0",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
    return data


class EvidenceFactory(factory.django.DjangoModelFactory):
    """A probe result; pass `assessment` and `release` of the same framework."""

    class Meta:
        model = models.Evidence

    probe = factory.LazyAttribute(lambda e: f"{e.assessment.framework.slug}/{e.assessment.criterion.slug}.py")
    kind = "claim"
    probe_sha = "0" * 64
    python_version = "3.13.0"
    outcome = "passed"
    output = "200 OK"
    duration = datetime.timedelta(seconds=1.5)
    ran_at = factory.LazyFunction(timezone.now)
