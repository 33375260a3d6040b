"""Compare and fit page fragments rendered from template includes and kept in the fragment cache.

Three kinds of fragment, all under the content version
(`caching.cached_by_content_version`) and the day (a cell's "needs review"
badge appears with time):

- a framework's column of cells (one criterion group's, or all of them),
  rendered from `templates/includes/matrix_cell.html`. A compare page of any set
  of frameworks is made of cells that other sets share: Django vs Flask and
  Django vs Flask vs Pyramid show the same Django column, so a page of a new
  set renders only the columns no page has needed since the last edit;
- the table body of one set and group (`includes/matrix_body.html`), built
  from those columns, so the next request for the same page renders no cell,
  with the set's code examples side by side (`includes/code_side_by_side.html`);
- the weight selects of the compare and fit pages, by the values they show
  (`includes/weight_fields.html`, one per criterion; most readers weigh nothing).
"""

import hashlib
from typing import NamedTuple

from django.template.loader import render_to_string
from django.utils import timezone

from . import caching, columns, selectors


class MatrixCell(NamedTuple):
    """One rendered cell: its support level and range (for uniform rows and generated differences) and its HTML."""

    support_level: str
    html: str
    range_label: str = ""  # "since 3.1": the statement's releases, when it says


def column_id(framework) -> str:
    framework_id, release_id = columns.column_key(framework)
    return f"{framework_id}@{release_id}"


def matrix_cells(frameworks, criteria, group=None, part=None) -> dict:
    """The cells of these columns on `criteria` (all, `group`'s or a `part` of it), by (column key, criterion id)."""

    def render(assessment) -> MatrixCell:
        statement = assessment.shown_statement
        html = render_to_string(
            "includes/matrix_cell.html",
            {"assessment": assessment, "statement": statement, "release": assessment.framework.release},
        )
        return MatrixCell(assessment.support_level, html, statement.range_label if statement else "")

    kind = f"matrix-column:{selectors.shown_key(group, part)}:{timezone.localdate().isoformat()}"
    return cached_columns(kind, frameworks, criteria, render)


def cached_columns(kind: str, frameworks, criteria, make_cell) -> dict:
    """`{(column key, criterion id): make_cell(assessment)}` for these columns on `criteria`.

    Each column's cells are kept in the fragment cache under `kind`, which must
    name what decides them besides the column (the criteria shown, the day).
    """
    columns_by_id = {column_id(framework): framework for framework in frameworks}

    def make_columns(column_ids) -> dict[str, dict]:
        cells = selectors.assessment_cells([columns_by_id[column_id] for column_id in column_ids], criteria)
        made = {column_id: {} for column_id in column_ids}
        for (_, criterion_id), assessment in cells.items():
            made[column_id(assessment.framework)][criterion_id] = make_cell(assessment)
        return made

    made_columns = caching.cached_by_content_version(kind, list(columns_by_id), make_columns)
    return {
        (columns.column_key(columns_by_id[column_id]), criterion_id): cell
        for column_id, column in made_columns.items()
        for criterion_id, cell in column.items()
    }


class CompareBody(NamedTuple):
    """The rendered parts of a compare page that depend on its set and group: matrix rows and code."""

    matrix: str
    code: str


def compare_body(frameworks, criteria, group, comparison, cells=None, part=None) -> CompareBody:
    """The compare page's matrix rows and "Code side by side" section for these columns on `criteria`.

    One fragment for both, so a page asks the cache once. `cells`, if given,
    returns `matrix_cells` of the same arguments (a page that needs them anyway).
    """
    shown = selectors.shown_key(group, part)
    # Staff may see a draft comparison's key differences: its own fragment.
    points = f"{comparison.pk}-{comparison.status}" if comparison is not None else "none"
    kind = f"compare-body:{shown}:{points}:{timezone.localdate().isoformat()}"
    key = ",".join(column_id(framework) for framework in frameworks)

    def render_body(keys) -> dict[str, CompareBody]:
        selectors.with_points(comparison, frameworks, criteria)
        context = {
            "matrix": selectors.compare_matrix(
                frameworks, criteria, cells() if cells else matrix_cells(frameworks, criteria, group, part), comparison
            ),
            "comparison": comparison,
            "column_count": len(frameworks) + 2,  # the criterion, the frameworks, the key or generated difference
        }
        code_rows = selectors.code_side_by_side(frameworks, criteria)
        body = CompareBody(
            matrix=render_to_string("includes/matrix_body.html", context),
            code=render_to_string("includes/code_side_by_side.html", {"code_rows": code_rows}) if code_rows else "",
        )
        return dict.fromkeys(keys, body)

    return caching.cached_by_content_version(kind, [key], render_body)[key]


def weight_fields(form) -> str:
    """The reader's weight selects (`includes/weight_fields.html`) of a fit or compare options form.

    Kept in the fragment cache by what they show — each select's criterion,
    value and errors — so every reader who weighs the same way (most weigh
    nothing) shares one rendering.
    """
    groups = form.weight_selects_by_group()
    shown = repr(
        [(group.pk, [(s.name, s.label, s.value, tuple(s.errors)) for s in selects]) for group, selects in groups]
    )
    key = hashlib.sha256(f"{form.weight_choices}{shown}".encode()).hexdigest()

    def render() -> str:
        return render_to_string(
            "includes/weight_fields.html", {"groups": groups, "weight_choices": form.weight_choices}
        )

    return caching.cached_value(f"weights:{key}", render)
