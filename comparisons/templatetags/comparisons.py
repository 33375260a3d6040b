import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..evidence.checks import check_from_row

register = template.Library()


@register.filter
def highlight(text, query):
    """Escape `text` and wrap every case-insensitive occurrence of `query` in <mark>.

    A filter because templates cannot mark parts of a text; every piece is escaped here.
    """
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


@register.inclusion_tag("includes/evidence_check.html")
def evidence_check(assessment):
    """The cell's telling probe result on the release shown, as selectors left it (`check`, or the annotation)."""
    if hasattr(assessment, "check"):  # a selector chose the release (a compare column may have no result)
        check = assessment.check
    else:
        check = check_from_row(getattr(assessment, "evidence_check", None))
    return {"check": check, "assessment": assessment}
