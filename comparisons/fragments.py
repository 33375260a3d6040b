"""One assessment as HTML, built in Python, and the cache of matrix cells built from it.

Pages show an assessment the same way everywhere: its support level as a word
and a symbol, a "needs review" badge, and its body (summary, details, the
extensions that fill the gap, sources, review date). These are built with
f-strings and the standard library's `html.escape` (what Django's `escape` calls
too) rather than template includes or `format_html`: a compare page of six
frameworks shows hundreds of cells, and each include or date format adds up.
The template tags in `templatetags/comparisons.py` call these functions.

A compare page of any set of frameworks is made of cells that other sets share,
so `selectors.matrix_cells` keeps each framework's column of cells, with their
HTML, in the shared cache under the content version (see `caching.cached_fragments`): a page of a new set of
frameworks still runs its queries and its template, but cells that some page
showed since the last edit are not built again. Whether a cell shows its
"needs review" badge depends on the day rather than the content, so the badge
is stored beside the cell's HTML and put in or left out on every request.
"""

from functools import lru_cache
from html import escape

from django.urls import reverse
from django.utils.dates import MONTHS
from django.utils.translation import get_language

from .choices import SupportLevel
from .querysets import stale_before

NOT_ASSESSED_CELL = '<td class="cell"><span class="muted">Not assessed yet</span></td>'


def long_date(day) -> str:
    """A date as the "j F Y" format writes it ("3 November 2026")."""
    return _long_date(day, get_language())


@lru_cache(maxsize=4096)
def _long_date(day, language: str | None) -> str:
    return f"{day.day} {MONTHS[day.month]} {day.year}"  # month names are translated, hence the language


def _ascii(html: str) -> str:
    """`html` with each non-ASCII character as a character reference.

    A Python string takes as many bytes per character as its widest character
    needs: one symbol like ✔ in a cell made the whole compare page two bytes a
    character, to join, copy and encode. English content stays ASCII then.
    """
    return html.encode("ascii", "xmlcharrefreplace").decode("ascii")


@lru_cache(maxsize=64)
def _support_level_html(level: SupportLevel, language: str | None) -> str:
    return (
        f'<span class="level level--{escape(level.value)}"><span class="level__symbol" aria-hidden="true">'
        f"{_ascii(escape(level.symbol))}</span> {escape(str(level.label))}</span>"
    )


def support_level_html(level) -> str:
    """A support level as a word and a symbol, never as colour alone."""
    return _support_level_html(SupportLevel(level), get_language())


def stale_badge_html(assessment, reviewed_before=None) -> str:
    """The "needs review" badge, if due; the cut-off date (`stale_before()`) may be passed when known."""
    if not (assessment.last_reviewed < reviewed_before if reviewed_before else assessment.is_stale):
        return ""
    return _stale_badge(assessment.last_reviewed)


def _stale_badge(last_reviewed) -> str:
    return (
        f'<span class="badge badge--stale" title="Last reviewed {escape(long_date(last_reviewed))}">Needs review</span>'
    )


@lru_cache
def _url_pattern(name: str, *placeholders: str) -> str:
    # Reversed once per URL name; slugs are lower-case, so upper-case placeholders cannot clash.
    return reverse(name, args=placeholders)


def _url(name: str, **slugs: str) -> str:
    """`reverse(name, args=slugs)` for slug arguments, at the cost of a string replace."""
    url = _url_pattern(name, *(placeholder.upper() for placeholder in slugs))
    for placeholder, slug in slugs.items():
        url = url.replace(placeholder.upper(), slug, 1)
    return url


def _links(items, text, separator) -> str:
    return separator.join(
        f'<a href="{escape(item.url)}" rel="nofollow noopener noreferrer">{escape(text(item))}</a>' for item in items
    )


def _linked(assessment, as_list: str, relation: str):
    """An assessment's extensions or sources: the list `assessment_cells` attached, else the (prefetched) relation."""
    rows = getattr(assessment, as_list, None)
    return rows if rows is not None else getattr(assessment, relation).all()


def assessment_body_html(assessment) -> str:
    """The body of one assessment: summary, details, the extensions that fill the gap, sources, review date."""
    parts = [f'<p class="assessment__summary">{escape(assessment.summary)}</p>']
    if assessment.details_html:
        parts.append(f'<div class="prose">{assessment.details_html}</div>')  # sanitized when saved
    extensions = _linked(assessment, "extension_list", "extensions")
    if extensions:
        links = _links(extensions, lambda extension: extension.name, ", ")
        parts.append(f'<p class="assessment__extensions">Filled by: {links}</p>')
    sources = _linked(assessment, "source_list", "sources")
    if sources:
        links = _links(sources, lambda source: source.title, "; ")
        parts.append(f'<p class="assessment__sources">Sources: {links}</p>')
    report_url = _url(
        "comparisons:report-problem", framework=assessment.framework.slug, criterion=assessment.criterion.slug
    )
    reviewed = assessment.last_reviewed
    parts.append(
        f'<p class="assessment__reviewed">Last reviewed <time datetime="{reviewed.isoformat()}">'
        f"{escape(long_date(reviewed))}</time> &middot; "
        f'<a href="{escape(report_url)}" rel="nofollow">Report a problem</a></p>'
    )
    return "\n".join(parts)


def matrix_cell_parts(assessment) -> tuple[str, str, str]:
    """One framework's cell in a row of the compare matrix: the HTML before its stale badge, the badge, after it.

    The badge is shown or not on each request (it depends on the day), but its
    text depends only on the assessment, so it is built with the rest.
    """
    before = f'<td class="cell cell--{escape(assessment.support_level)}">{support_level_html(assessment.level)} '
    after = f"<details><summary>{escape(assessment.summary)}</summary>{assessment_body_html(assessment)}</details></td>"
    return before, _stale_badge(assessment.last_reviewed), after


def matrix_cell_html(cell, reviewed_before) -> str:
    """A whole cell from a `selectors.MatrixCell` (None: not assessed yet), badged if reviewed before that date."""
    if cell is None:
        return NOT_ASSESSED_CELL
    before, badge, after = cell.cell_parts
    return before + badge + after if cell.last_reviewed < reviewed_before else before + after


def key_difference_html(point) -> str:
    """The editors' key difference on one criterion, with which framework has the edge."""
    if point is None:
        return '<td class="key-difference"></td>'
    edge = ""
    if point.edge:
        who = f"Edge: {point.edge_framework.name}" if point.edge_framework else str(point.get_edge_display())
        edge = f'<p class="edge">{escape(who)}</p>'
    return f'<td class="key-difference"><div class="prose">{point.key_difference_html}</div>{edge}</td>'


def matrix_body_html(matrix, *, columns: int, with_key_difference: bool) -> str:
    """The compare matrix's row groups (`selectors.MatrixGroup`s): a <tbody> each, headed by the group's name.

    One function rather than template loops: the page repeats this for hundreds
    of cells, and each pass of a {% for %} costs more than the cell it writes.
    """
    reviewed_before = stale_before()
    span = columns + 1 + with_key_difference
    parts = []
    for matrix_group in matrix:
        parts.append(
            f'<tbody>\n<tr class="matrix__group"><th scope="rowgroup" colspan="{span}">'
            f"{escape(matrix_group.group.name)}</th></tr>\n"
        )
        for row in matrix_group.rows:
            criterion = row.criterion
            criterion_url = _url("comparisons:criterion-detail", slug=criterion.slug)
            parts.append(
                f"<tr{' data-uniform' if row.is_uniform else ''}>"
                f'<th scope="row"><a href="{escape(criterion_url)}">{escape(criterion.name)}</a></th>'
            )
            parts.extend(matrix_cell_html(cell, reviewed_before) for cell in row.cells)
            parts.append(key_difference_html(row.point) if with_key_difference else "")
            parts.append("</tr>\n")
        parts.append("</tbody>\n")
    if not matrix:
        parts.append(f'<tbody><tr><td colspan="{span}">No criterion in this group.</td></tr></tbody>\n')
    return "".join(parts)
