import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

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
