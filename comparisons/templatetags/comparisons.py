import re
from functools import lru_cache

from django import template
from django.urls import reverse
from django.utils import dateformat
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
# Simple tags built with format_html rather than {% include %}s: a compare page of six
# frameworks shows thousands of cells, and an include costs tens of microseconds each.


@register.simple_tag
def support_level(level):
    """A support level as a word and a symbol, never as colour alone."""
    return format_html(
        '<span class="level level--{}"><span class="level__symbol" aria-hidden="true">{}</span> {}</span>',
        level.value,
        level.symbol,
        level.label,
    )


@register.simple_tag
def stale_badge(assessment):
    if not assessment.is_stale:
        return ""
    return format_html(
        '<span class="badge badge--stale" title="Last reviewed {}">Needs review</span>',
        dateformat.format(assessment.last_reviewed, "j F Y"),
    )


@lru_cache
def _report_url_pattern() -> str:
    # Reversed once; slugs are lower-case, so the upper-case placeholders cannot clash.
    return reverse("comparisons:report-problem", args=["FRAMEWORK", "CRITERION"])


def _links(items, text, separator):
    return format_html_join(
        separator, '<a href="{}" rel="nofollow noopener noreferrer">{}</a>', ((item.url, text(item)) for item in items)
    )


@register.simple_tag
def assessment_body(assessment):
    """The body of one matrix cell: summary, details, the extensions that fill the gap, sources, review date."""
    parts = [format_html('<p class="assessment__summary">{}</p>', assessment.summary)]
    if assessment.details_html:
        parts.append(format_html('<div class="prose">{}</div>', mark_safe(assessment.details_html)))  # noqa: S308 (sanitized when saved)
    extensions = assessment.extensions.all()
    if extensions:
        links = _links(extensions, lambda extension: extension.name, ", ")
        parts.append(format_html('<p class="assessment__extensions">Filled by: {}</p>', links))
    sources = assessment.sources.all()
    if sources:
        links = _links(sources, lambda source: source.title, "; ")
        parts.append(format_html('<p class="assessment__sources">Sources: {}</p>', links))
    report_url = _report_url_pattern().replace("FRAMEWORK", assessment.framework.slug, 1)
    parts.append(
        format_html(
            '<p class="assessment__reviewed">Last reviewed <time datetime="{}">{}</time> · '
            '<a href="{}" rel="nofollow">Report a problem</a></p>',
            dateformat.format(assessment.last_reviewed, "Y-m-d"),
            dateformat.format(assessment.last_reviewed, "j F Y"),
            report_url.replace("CRITERION", assessment.criterion.slug, 1),
        )
    )
    return mark_safe("\n".join(parts))  # noqa: S308 (every part is built with format_html)


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
