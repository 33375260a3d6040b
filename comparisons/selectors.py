"""Read logic that spans relations: what the pages (and later the API) show.

Every function here runs a fixed number of queries, whatever the size of the
matrix: rows are fetched in bulk and joined in Python.
"""

from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Prefetch

from .models import Assessment, Comparison, ComparisonPoint, Criterion, CriterionGroup, Framework, framework_set_key

MAX_COMPARED_FRAMEWORKS = 6


@dataclass
class MatrixRow:
    criterion: Criterion
    # One entry per compared framework, in the frameworks' order; None = no assessment yet.
    cells: list[Assessment | None]
    point: ComparisonPoint | None = None


@dataclass
class MatrixGroup:
    group: CriterionGroup
    rows: list[MatrixRow] = field(default_factory=list)


def published_frameworks():
    return Framework.objects.published().prefetch_related("tags")


def published_comparisons():
    return Comparison.objects.published().prefetch_related(
        Prefetch("frameworks", queryset=Framework.objects.order_by("name"))
    )


def criteria_by_group(criteria) -> list[tuple[CriterionGroup, list[Criterion]]]:
    """Criteria (already in display order) as (group, criteria) pairs."""
    return [(group, list(rows)) for group, rows in groupby(criteria, key=lambda criterion: criterion.group)]


def home_page() -> dict:
    return {
        "frameworks": published_frameworks(),
        "comparisons": published_comparisons()[:12],
        "criteria_groups": criteria_by_group(Criterion.objects.published().in_display_order()),
    }


def framework_assessments(framework: Framework) -> list[tuple[CriterionGroup, list[Assessment]]]:
    assessments = (
        framework.assessments.filter(criterion__is_published=True)
        .with_related()
        .order_by("criterion__group__position", "criterion__group__name", "criterion__position", "criterion__name")
    )
    return [(group, list(rows)) for group, rows in groupby(assessments, key=lambda a: a.criterion.group)]


def criterion_assessments(criterion: Criterion):
    return criterion.assessments.filter(framework__is_published=True).with_related().order_by("framework__name")


def published_comparison_for(frameworks: list[Framework]) -> Comparison | None:
    """The published editor-written comparison of exactly this set of frameworks."""
    return (
        Comparison.objects.published()
        .filter(framework_set=framework_set_key(framework.pk for framework in frameworks))
        .prefetch_related(Prefetch("points", queryset=ComparisonPoint.objects.select_related("edge_framework")))
        .first()
    )


def compare_matrix(frameworks: list[Framework], comparison: Comparison | None = None) -> list[MatrixGroup]:
    """The side-by-side matrix: rows are published criteria, columns the given frameworks."""
    criteria = Criterion.objects.published().in_display_order()
    assessments = Assessment.objects.filter(framework__in=frameworks, criterion__is_published=True).with_related()
    by_cell = {(a.framework_id, a.criterion_id): a for a in assessments}
    points = {point.criterion_id: point for point in comparison.points.all()} if comparison else {}
    groups = []
    for group, group_criteria in groupby(criteria, key=lambda criterion: criterion.group):
        rows = [
            MatrixRow(
                criterion=criterion,
                cells=[by_cell.get((framework.pk, criterion.pk)) for framework in frameworks],
                point=points.get(criterion.pk),
            )
            for criterion in group_criteria
        ]
        groups.append(MatrixGroup(group=group, rows=rows))
    return groups
