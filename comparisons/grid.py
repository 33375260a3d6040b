"""The matrix at a glance: frameworks × criteria as a grid of levels, one summary per cell.

The /matrix/ page, the compare page's compact mode and the embeddable table
draw it (`templates/includes/matrix_grid.html`). Two queries whatever the size:
the cells' levels and summaries, and, for columns at a chosen release, their
support statements. A grid is hundreds of cells, so its HTML is kept in the
fragment cache under the content version (`grid_html`), like the compare
page's cells; each cell carries what its markup needs, worked out once here.
"""

import hashlib
from dataclasses import dataclass, field
from itertools import groupby

from django.template.loader import render_to_string

from . import caching
from .choices import SupportLevel
from .columns import column_key
from .models import Assessment, Criterion, CriterionGroup
from .selectors import shown_key, support_levels

# Frameworks per page of the /matrix/ grid: wider than this, a grid is no longer "at a glance".
GRID_COLUMNS_PER_PAGE = 25


@dataclass(frozen=True)
class GridCell:
    level: SupportLevel
    summary: str
    anchor: str  # "flask--forms", "django--4.2--forms"
    url: str  # the cell's page
    spoken: str  # what a screen reader hears: "Flask, Forms: Via extension"


@dataclass
class GridRow:
    criterion: Criterion
    cells: list  # (framework, GridCell or None when not assessed), in the columns' order

    @property
    def is_uniform(self) -> bool:
        """Every column has the same level here (not assessed counts as its own), as on the compare table."""
        return len({cell.level if cell else None for _, cell in self.cells}) == 1


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

    # Per column, once: what every one of its cells' markup repeats.
    column_parts = {column_key(f): (f.column_slug, f.get_absolute_url(), f.display_name) for f in frameworks}

    def cell(framework, criterion):
        level, summary = current.get((framework.pk, criterion.pk), (None, ""))
        level = levels_at_releases.get((column_key(framework), criterion.pk), level)
        if not level:
            return None
        level = SupportLevel(level)
        column_slug, framework_url, name = column_parts[column_key(framework)]
        return GridCell(
            level=level,
            summary=summary,
            anchor=f"{column_slug}--{criterion.slug}",
            url=f"{framework_url}{criterion.slug}/",
            spoken=f"{name}, {criterion.name}: {level.label}",
        )

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


def grid_html(frameworks, criteria, group=None, part=None) -> str:
    """The grid of these columns on `criteria` (all, `group`'s or a `part` of it), rendered, from the fragment cache."""
    columns = ",".join(framework.column_slug for framework in frameworks)
    shown = shown_key(group, part)
    key = hashlib.sha256(f"{columns}|{shown}|{len(criteria)}".encode()).hexdigest()

    def render(keys) -> dict[str, str]:
        context = {"grid": matrix_grid(frameworks, criteria), "frameworks": frameworks, "levels": list(SupportLevel)}
        return dict.fromkeys(keys, render_to_string("includes/matrix_grid.html", context))

    return caching.cached_by_content_version("matrix-grid", [key], render)[key]
