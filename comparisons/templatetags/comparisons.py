import re
from functools import lru_cache
from html import escape as escape_html

from django import template
from django.urls import reverse
from django.utils.dates import MONTHS
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def highlight(text, query):
    """Escape `text` and wrap every case-insensitive occurrence of `query` in <mark>."""
    text = str(text)
    if not query:
        return escape(text)
    pattern = re.compile(re.escape(str(query)), re.IGNORECASE)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 (every piece is escaped above)


# -- one assessment, as every page shows it ----------------------------------------------------
# Simple tags that build their HTML with f-strings and the standard library's escape (what
# Django's `escape` calls too) rather than {% include %}s or format_html: a compare page of six
# frameworks shows hundreds of cells, and each include, format_html or date format adds up.


def _long_date(day) -> str:
    """A date as the "j F Y" format writes it ("3 November 2026")."""
    return f"{day.day} {MONTHS[day.month]} {day.year}"


@register.simple_tag
def support_level(level):
    """A support level as a word and a symbol, never as colour alone."""
    return mark_safe(  # noqa: S308 (every value is escaped)
        f'<span class="level level--{escape_html(level.value)}"><span class="level__symbol" aria-hidden="true">'
        f"{escape_html(level.symbol)}</span> {escape_html(str(level.label))}</span>"
    )


@register.simple_tag
def stale_badge(assessment):
    if not assessment.is_stale:
        return ""
    return mark_safe(  # noqa: S308 (the date is formatted from numbers and month names)
        f'<span class="badge badge--stale" title="Last reviewed {escape_html(_long_date(assessment.last_reviewed))}">'
        "Needs review</span>"
    )


@lru_cache
def _report_url_pattern() -> str:
    # Reversed once; slugs are lower-case, so the upper-case placeholders cannot clash.
    return reverse("comparisons:report-problem", args=["FRAMEWORK", "CRITERION"])


def _links(items, text, separator) -> str:
    return separator.join(
        f'<a href="{escape_html(item.url)}" rel="nofollow noopener noreferrer">{escape_html(text(item))}</a>'
        for item in items
    )


def _linked(assessment, as_list: str, relation: str):
    """An assessment's extensions or sources: the list `assessment_cells` attached, else the (prefetched) relation."""
    rows = getattr(assessment, as_list, None)
    return rows if rows is not None else getattr(assessment, relation).all()


@register.simple_tag
def assessment_body(assessment):
    """The body of one matrix cell: summary, details, the extensions that fill the gap, sources, review date."""
    parts = [f'<p class="assessment__summary">{escape_html(assessment.summary)}</p>']
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
    report_url = (
        _report_url_pattern()
        .replace("FRAMEWORK", assessment.framework.slug, 1)
        .replace("CRITERION", assessment.criterion.slug, 1)
    )
    reviewed = assessment.last_reviewed
    parts.append(
        f'<p class="assessment__reviewed">Last reviewed <time datetime="{reviewed.isoformat()}">'
        f"{escape_html(_long_date(reviewed))}</time> · "
        f'<a href="{escape_html(report_url)}" rel="nofollow">Report a problem</a></p>'
    )
    return mark_safe("\n".join(parts))  # noqa: S308 (every part is escaped, or sanitized HTML)


@register.simple_tag
def matrix_cell(assessment):
    """One framework's cell in a row of the compare matrix (None: not assessed yet)."""
    if assessment is None:
        return mark_safe('<td class="cell"><span class="muted">Not assessed yet</span></td>')
    return mark_safe(  # noqa: S308 (built from the tags above)
        f'<td class="cell cell--{escape_html(assessment.support_level)}">'
        f"{support_level(assessment.level)} {stale_badge(assessment)}"
        f"<details><summary>{escape_html(assessment.summary)}</summary>{assessment_body(assessment)}</details></td>"
    )


# -- form controls that repeat hundreds of times on one page ----------------------------------
# Django renders each widget through templates (about half a millisecond each); the compare
# and fit pages show a weight for every criterion and a checkbox for every framework.


def _label_text(bound_field) -> str:
    suffix = bound_field.form.label_suffix or ""
    label = str(bound_field.label)
    return label + suffix if suffix and label and label[-1] not in ":?.!" else label


@register.simple_tag
def weight_field(bound_field):
    """A criterion's weight as a labelled <select>, with its errors."""
    current = "" if bound_field.value() is None else str(bound_field.value())
    field_id = bound_field.auto_id
    options = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (value, mark_safe(" selected") if str(value) == current else "", text)
            for value, text in bound_field.field.choices
        ),
    )
    invalid = mark_safe(' aria-invalid="true"') if bound_field.errors else ""
    errors = format_html_join("", "<li>{}</li>", ((error,) for error in bound_field.errors))
    return format_html(
        '<label for="{}">{}</label> <select name="{}" id="{}"{}>{}</select>{}',
        field_id,
        _label_text(bound_field),
        bound_field.html_name,
        field_id,
        invalid,
        options,
        format_html('<ul class="errorlist">{}</ul>', errors) if bound_field.errors else "",
    )


@register.simple_tag
def checkbox_choice(choice):
    """One checkbox of a multiple-choice field (a BoundWidget), inside its label."""
    data = choice.data
    return format_html(
        '<label><input type="checkbox" name="{}" value="{}" id="{}"{}> {}</label>',
        data["name"],
        data["value"],
        data["attrs"].get("id", ""),
        mark_safe(" checked") if data["selected"] else "",
        data["label"],
    )
