"""The compare page's matrix cells: rendered from a template include, kept in the fragment cache.

A compare page of any set of frameworks is made of cells that other sets share:
Django vs Flask and Django vs Flask vs Pyramid show the same Django column. So
each framework's column of cells (one criterion group's, or all of them) is
rendered from `templates/includes/matrix_cell.html` once and kept under the
content version (`caching.cached_by_content_version`) and the day (a cell's
"needs review" badge appears with time). A page of a new set of frameworks
still runs its queries and its template, but renders only the columns that no
page has needed since the last edit.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone

from . import caching, selectors


@dataclass(frozen=True, slots=True)
class MatrixCell:
    """One rendered cell: its support level (to spot uniform rows) and its HTML."""

    support_level: str
    html: str


def matrix_cells(frameworks, criteria, group=None) -> dict[tuple[int, int], MatrixCell]:
    """The cells of `frameworks` on `criteria` (all shown ones, or `group`'s), by (framework id, criterion id)."""
    frameworks_by_id = {framework.pk: framework for framework in frameworks}

    def render_columns(framework_ids) -> dict[int, dict[int, MatrixCell]]:
        cells = selectors.assessment_cells([frameworks_by_id[pk] for pk in framework_ids], criteria)
        columns = {pk: {} for pk in framework_ids}
        for (framework_id, criterion_id), assessment in cells.items():
            html = render_to_string("includes/matrix_cell.html", {"assessment": assessment})
            columns[framework_id][criterion_id] = MatrixCell(assessment.support_level, html)
        return columns

    shown = group.pk if group is not None else "all"
    kind = f"matrix-column:{shown}:{timezone.localdate().isoformat()}"
    columns = caching.cached_by_content_version(kind, list(frameworks_by_id), render_columns)
    return {
        (framework_id, criterion_id): cell
        for framework_id, column in columns.items()
        for criterion_id, cell in column.items()
    }
