"""Writes with rules, used by the admin, the API and the import alike.

Every write is recorded in the content's history: single rows through
Model.save(), rows written in bulk through django-simple-history's own bulk
utilities.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from .choices import ComparisonStatus
from .models import (
    Assessment,
    Comparison,
    ComparisonPoint,
    Criterion,
    CriterionGroup,
    Extension,
    Framework,
    Source,
    Tag,
)

HISTORY_TRACKED = [
    Tag,
    CriterionGroup,
    Extension,
    Framework,
    Criterion,
    Assessment,
    Source,
    Comparison,
    ComparisonPoint,
]


BULK_BATCH_SIZE = 1_000


@transaction.atomic
def save_assessment(assessment: Assessment, *, extensions=None, sources=None) -> Assessment:
    """Save one assessment with its extensions and its sources, (title, url) pairs in order.

    None leaves the links as they are. The import does the same for many
    assessments at once with `replace_sources` and `replace_extensions`.
    """
    created = assessment.pk is None
    if sources is not None and not created:
        current = list(assessment.sources.values_list("title", "url"))
        assessment.links_changed = {"sources"} if current != list(sources) else set()
    assessment.save()
    if extensions is not None:
        assessment.extensions.set(extensions)
    if sources is not None:
        replace_sources([(assessment, sources)], created={assessment.pk} if created else frozenset())
    return assessment


def replace_sources(changes, *, created=frozenset()) -> None:
    """Give each assessment exactly these sources: `changes` are (assessment, [(title, url), ...]) pairs.

    `created` holds the ids of assessments just created, which have no sources to remove.
    """
    stored = [assessment.pk for assessment, _ in changes if assessment.pk not in created]
    if stored:
        Source.objects.filter(assessment__in=stored).delete()
    sources = [
        Source(assessment=assessment, title=title, url=url, position=position)
        for assessment, wanted in changes
        for position, (title, url) in enumerate(wanted)
    ]
    bulk_create_with_history(sources, Source, batch_size=BULK_BATCH_SIZE, default_change_reason="Added")


def replace_extensions(changes, *, created=frozenset()) -> None:
    """Link each assessment to exactly these extensions: `changes` are (assessment, extension ids) pairs.

    For many assessments at once; the links are part of each assessment's next history record.
    """
    through = Assessment.extensions.through
    stored = [assessment.pk for assessment, _ in changes if assessment.pk not in created]
    if stored:
        through.objects.filter(assessment_id__in=stored).delete()
    through.objects.bulk_create(
        [
            through(assessment_id=assessment.pk, extension_id=pk)
            for assessment, wanted in changes
            for pk in sorted(wanted)
        ],
        batch_size=BULK_BATCH_SIZE,
    )


def mark_reviewed_today(assessments) -> int:
    today = timezone.localdate()
    count = 0
    for assessment in assessments:
        if assessment.last_reviewed != today:
            assessment.last_reviewed = today
            assessment.save()
            count += 1
    return count


def publish(comparison) -> None:
    """Publish a comparison, refusing (ValidationError) what the admin form would refuse."""
    comparison.status = ComparisonStatus.PUBLISHED
    comparison.validate_frameworks(comparison.frameworks.all())
    comparison.published_at = comparison.published_at or timezone.now()
    comparison.save()


def unpublish(comparison) -> None:
    comparison.status = ComparisonStatus.DRAFT
    comparison.save()


# Sources deleted with their assessment are recorded within this window of its deletion.
CASCADE_WINDOW = datetime.timedelta(seconds=5)


def deleted_assessments():
    """The last record of each deleted assessment that can be restored: not restored yet, and
    its framework and criterion still exist."""
    records = Assessment.history.filter(
        history_type="-",
        framework_id__in=Framework.objects.values("pk"),
        criterion_id__in=Criterion.objects.values("pk"),
    ).select_related("framework", "criterion")
    live = set(Assessment.objects.values_list("pk", flat=True))
    latest = {}
    for record in records.order_by("-history_date"):
        if record.id not in live and record.id not in latest:
            latest[record.id] = record
    return list(latest.values())


@transaction.atomic
def restore_assessment(record) -> Assessment:
    """Bring back a deleted assessment as it was, with its sources and extensions."""
    if (
        not Framework.objects.filter(pk=record.framework_id).exists()
        or not Criterion.objects.filter(pk=record.criterion_id).exists()
    ):
        raise ValidationError("Its framework or criterion has been deleted too; restore that first.")
    if Assessment.objects.filter(framework_id=record.framework_id, criterion_id=record.criterion_id).exists():
        raise ValidationError("This framework already has a new assessment for that criterion.")
    assessment = record.instance
    assessment.save()
    # The deletion record carries no many-to-many rows; the version before it does.
    linked = record.prev_record if record.prev_record is not None else record
    assessment.extensions.set([link.extension_id for link in linked.extensions.all()])
    # Only the sources deleted along with it; ones removed on purpose earlier stay removed.
    gone = Source.history.filter(
        assessment_id=record.id,
        history_type="-",
        history_date__gte=record.history_date - CASCADE_WINDOW,
        history_date__lte=record.history_date + CASCADE_WINDOW,
    ).order_by("position", "history_date")
    for source in {source.id: source for source in gone}.values():
        Source.objects.create(assessment=assessment, title=source.title, url=source.url, position=source.position)
    return assessment


def record_missing_history(reason: str = "Loaded from a fixture") -> int:
    """Give every row without a history record its first version (fixtures load without history)."""
    created = 0
    for model in HISTORY_TRACKED:
        missing = list(model.objects.exclude(pk__in=model.history.values("id")))
        if missing:
            model.history.bulk_history_create(missing, default_change_reason=reason)
            created += len(missing)
    return created


def revert_to(record, read_version: int):
    """Make a history record's values current again (recorded as a new change).

    `read_version` is the version the caller saw when choosing to revert; if the
    row changed since, the save raises StaleVersion instead of undoing that change.
    """
    instance = record.instance
    instance.version = read_version
    instance.save()
    return instance
