"""The matrix at a glance: frameworks × criteria as a grid of levels, one summary per cell.

The /matrix/ page and the compare page's compact mode draw it
(`templates/includes/matrix_grid.html`). Two queries whatever the size: the
cells' levels and summaries, and, for columns at a chosen release, their
support statements.
"""

from dataclasses import dataclass, field
from itertools import groupby

from .choices import SupportLevel
from .columns import column_key
from .models import Assessment, Criterion, CriterionGroup
from .selectors import support_levels

# Frameworks per page of the /matrix/ grid: wider than this, a grid is no longer "at a glance".
GRID_COLUMNS_PER_PAGE = 25


@dataclass(frozen=True)
class GridCell:
    level: SupportLevel
    summary: str


@dataclass
class GridRow:
    criterion: Criterion
    cells: list  # (framework, GridCell or None when not assessed), in the columns' order


@dataclass
class GridGroup:
    group: CriterionGroup
    rows: list[GridRow] = field(default_factory=list)


def matrix_grid(frameworks, criteria) -> list[GridGroup]:
    """The grid of `frameworks` (columns, each maybe at a release) on `criteria` (in display order)."""
    rows = (
        Assessment.objects.filter(framework__in={framework.pk for framework in frameworks}, criterion__in=criteria)
        .order_by()
        .values_list("framework_id", "criterion_id", "support_level", "summary")
    )
    current = {(framework_id, criterion_id): (level, summary) for framework_id, criterion_id, level, summary in rows}
    at_releases = [framework for framework in frameworks if getattr(framework, "release", None) is not None]
    levels_at_releases = support_levels(at_releases, criteria) if at_releases else {}

    def cell(framework, criterion):
        level, summary = current.get((framework.pk, criterion.pk), (None, ""))
        level = levels_at_releases.get((column_key(framework), criterion.pk), level)
        return GridCell(SupportLevel(level), summary) if level else None

    return [
        GridGroup(
            group=group,
            rows=[
                GridRow(criterion, [(framework, cell(framework, criterion)) for framework in frameworks])
                for criterion in group_criteria
            ],
        )
        for group, group_criteria in groupby(criteria, key=lambda criterion: criterion.group)
    ]
