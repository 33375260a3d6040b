import re
from html import escape as escape_html

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from .. import fragments

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


# -- one assessment, as every page shows it (built in comparisons/fragments.py) ----------------


@register.simple_tag
def support_level(level):
    return mark_safe(fragments.support_level_html(level))  # noqa: S308 (escaped where built)


@register.simple_tag
def stale_badge(assessment):
    return mark_safe(fragments.stale_badge_html(assessment))  # noqa: S308 (escaped where built)


@register.simple_tag
def assessment_body(assessment):
    return mark_safe(fragments.assessment_body_html(assessment))  # noqa: S308 (escaped or sanitized where built)


@register.simple_tag
def matrix_body(matrix, frameworks, comparison):
    """The compare matrix's rows, by group; the key difference column only with a comparison."""
    html = fragments.matrix_body_html(matrix, columns=len(frameworks), with_key_difference=bool(comparison))
    return mark_safe(html)  # noqa: S308 (escaped where built)


# -- form controls that repeat hundreds of times on one page ----------------------------------
# Django renders each widget through templates (about half a millisecond each); the compare
# and fit pages show a weight for every criterion and a checkbox for every framework.


def _label_text(bound_field) -> str:
    suffix = bound_field.form.label_suffix or ""
    label = str(bound_field.label)
    return label + suffix if suffix and label and label[-1] not in ":?.!" else label


@register.simple_tag
def select_field(bound_field):
    """A choice field (a criterion's weight, a group) as a labelled <select>, with its errors.

    Built with f-strings: a page may show hundreds of weights.
    """
    current = "" if bound_field.value() is None else str(bound_field.value())
    field_id = escape_html(bound_field.auto_id)
    options = "".join(
        f'<option value="{escape_html(str(value))}"{" selected" if str(value) == current else ""}>'
        f"{escape_html(str(text))}</option>"
        for value, text in bound_field.field.choices
    )
    errors = "".join(f"<li>{escape_html(str(error))}</li>" for error in bound_field.errors)
    invalid = ' aria-invalid="true"' if errors else ""
    error_list = f'<ul class="errorlist">{errors}</ul>' if errors else ""
    return mark_safe(  # noqa: S308 (every value is escaped)
        f'<label for="{field_id}">{escape_html(_label_text(bound_field))}</label> '
        f'<select name="{escape_html(bound_field.html_name)}" id="{field_id}"{invalid}>{options}</select>{error_list}'
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
