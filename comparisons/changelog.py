"""The public changelog: what changed in the published knowledge base, from the content's history."""

from dataclasses import dataclass

from django.urls import reverse

from .choices import ComparisonStatus
from .models import UNCHANGED_REASON, Assessment, Comparison, Criterion, Framework, assessment_url
from .selectors import published_comparisons


@dataclass
class Change:
    """One entry of the public changelog."""

    when: object
    kind: str  # "Added", "Changed" or "Deleted"
    title: str
    description: str
    url: str | None  # None when the page no longer exists


CHANGE_KINDS = {"+": "Added", "~": "Changed", "-": "Deleted"}


def recent_changes(limit: int = 50) -> list[Change]:
    """What changed in the public knowledge base, newest first; a fixed number of queries.

    Only changes to what the public can see are listed: published frameworks,
    criteria and comparisons, and assessments of published frameworks on
    published criteria. Saves that changed nothing are left out.
    """
    # Each record must be of published content then, and its row still public now.
    framework_records = (
        Framework.history.exclude(history_change_reason=UNCHANGED_REASON)
        .filter(is_published=True, id__in=Framework.objects.published().values("pk"))
        .order_by("-history_date")[:limit]
    )
    criterion_records = (
        Criterion.history.exclude(history_change_reason=UNCHANGED_REASON)
        .filter(is_published=True, id__in=Criterion.objects.published().values("pk"))
        .order_by("-history_date")[:limit]
    )
    assessment_records = (
        Assessment.history.exclude(history_change_reason=UNCHANGED_REASON)
        .filter(framework__is_published=True, criterion__is_published=True)
        .select_related("framework", "criterion__group")
        .order_by("-history_date")[:limit]
    )
    comparison_records = list(
        Comparison.history.exclude(history_change_reason=UNCHANGED_REASON)
        .filter(status=ComparisonStatus.PUBLISHED, id__in=Comparison.objects.published().values("pk"))
        .order_by("-history_date")[:limit]
    )
    live_comparisons = {c.pk: c for c in published_comparisons().filter(pk__in=[r.id for r in comparison_records])}

    def change(record, title, url):
        return Change(
            when=record.history_date,
            kind=CHANGE_KINDS[record.history_type],
            title=title,
            description=record.history_change_reason or CHANGE_KINDS[record.history_type],
            url=None if record.history_type == "-" else url,
        )

    def framework_url(record):
        return reverse("comparisons:framework-detail", kwargs={"slug": record.slug})

    def criterion_url(record):
        return reverse("comparisons:criterion-detail", kwargs={"slug": record.slug})

    def comparison_url(record):
        return live_comparisons[record.id].get_absolute_url() if record.id in live_comparisons else None

    changes = [change(r, f"Framework: {r.name}", framework_url(r)) for r in framework_records]
    changes += [change(r, f"Criterion: {r.name}", criterion_url(r)) for r in criterion_records]
    changes += [
        change(r, f"{r.framework.name} · {r.criterion.name}", assessment_url(r.framework, r.criterion))
        for r in assessment_records
    ]
    changes += [change(r, f"Comparison: {r.title}", comparison_url(r)) for r in comparison_records]
    return sorted(changes, key=lambda change: change.when, reverse=True)[:limit]
