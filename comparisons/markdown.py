"""The one way Markdown becomes HTML on this site.

Templates, the API, stored HTML and the admin's live preview (django-markdownx's
MARKDOWNX_MARKDOWNIFY_FUNCTION) all call `render_markdown`, so the preview is
exactly as safe as the public page.

The Markdown is CommonMark with tables and strikethrough, parsed and rendered
by markdown-it-pyrs (markdown-it in Rust; the pure-Python markdown-it-py took
20 times as long, most of a large import); headings then start at <h3> with
ids, and code blocks are highlighted by Pygments. A
Markdown parser is not a sanitizer, so its output always goes through nh3 with
an explicit allow-list. Raw HTML in the source is not interpreted at all: it is
shown as text. Sources are capped in length and in `[` characters (each link
or image needs one; long runs of them are slow for any parser) by
`validate_markdown_source`, which the models, the admin forms and the preview
endpoint all apply.
"""

import re
from html import escape, unescape

import nh3
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.text import slugify
from markdown_it_pyrs import MarkdownIt
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import TextLexer, get_lexer_by_name
from pygments.token import STANDARD_TYPES
from pygments.util import ClassNotFound

# The longest Markdown field on any model; the preview endpoint refuses more.
MARKDOWN_MAX_LENGTH = 8_000
# Links, images and footnote-style references each need one `[`; real content
# stays far below this, while a pathological run of them costs seconds.
MARKDOWN_MAX_BRACKETS = 100

HEADING_ID_PREFIX = "md-"
# Markdown's "#" becomes <h3>: content always sits below the page's own h1 and h2.
HEADING_BASE_LEVEL = 3

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "kbd",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    # Column alignment from the tables extension (style is filtered below).
    "th": {"style"},
    "td": {"style"},
    **{heading: {"id"} for heading in HEADINGS},
}
# Only the classes code highlighting needs, so content cannot borrow the site's
# own classes (a fake support-level badge, say).
ALLOWED_CLASSES = {
    "div": {"codehilite"},
    "span": {token_class for token_class in STANDARD_TYPES.values() if token_class} | {"hll"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
ALLOWED_STYLE_PROPERTIES = {"text-align"}
LINK_REL = "nofollow noopener noreferrer"


# markdown-it-pyrs names its rules one by one: CommonMark's, without raw HTML (html_block,
# html_inline; such source is shown as text) and without guessing links from bare text,
# plus tables and strikethrough.
MARKDOWN_RULES = [
    "blockquote",
    "code",
    "fence",
    "heading",
    "hr",
    "lheading",
    "list",
    "paragraph",
    "reference",
    "autolink",
    "backticks",
    "emphasis",
    "entity",
    "escape",
    "image",
    "link",
    "newline",
    "table",
    "strikethrough",
]

# What the renderer writes for headings and code blocks; raw HTML is escaped, so
# these tags in its output come from Markdown syntax and nothing else.
_HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>", re.DOTALL)  # a setext heading may span lines
_CODE_BLOCK = re.compile(r'<pre><code(?: class="language-([^"]*)")?>(.*?)</code></pre>\n?', re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_CODE_FORMATTER = HtmlFormatter(cssclass="codehilite", wrapcode=True)


def _place_headings(html: str, id_prefix: str) -> str:
    """Headings start at HEADING_BASE_LEVEL and get ids from their words, prefixed and unique within the text."""
    seen = set()

    def place(heading) -> str:
        level = min(6, int(heading[1]) + HEADING_BASE_LEVEL - 1)
        words = unescape(_TAG.sub("", heading[2])).replace("\n", "")  # line breaks are not words
        base = id_prefix + (slugify(words) or "section")
        heading_id, count = base, 1
        while heading_id in seen:
            heading_id = f"{base}_{count}"
            count += 1
        seen.add(heading_id)
        return f'<h{level} id="{escape(heading_id)}">{heading[2]}</h{level}>'

    return _HEADING.sub(place, html)


def _highlight_code(block) -> str:
    """A fenced or indented code block with Pygments' classes when its language is known, else plain."""
    language, code = unescape(block[1] or ""), unescape(block[2])
    try:
        lexer = get_lexer_by_name(language) if language else TextLexer()
    except ClassNotFound:
        lexer = TextLexer()
    return highlight(code, lexer, _CODE_FORMATTER)


_converter = MarkdownIt("zero")
_converter.enable_many(MARKDOWN_RULES)
_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    allowed_classes=ALLOWED_CLASSES,
    url_schemes=ALLOWED_URL_SCHEMES,
    link_rel=LINK_REL,
    filter_style_properties=ALLOWED_STYLE_PROPERTIES,
    strip_comments=True,
)


def sanitize_html(html: str) -> str:
    return _cleaner.clean(html)


def render_markdown(source: str | None, *, id_prefix: str = HEADING_ID_PREFIX) -> str:
    """Render Markdown source to sanitized HTML, safe to mark as safe in a template.

    `id_prefix` starts every heading id; stored fields pass one unique to the
    row and field, so two fields shown on one page never repeat an id.
    """
    if not source:
        return ""
    html = _converter.render(source)
    if "</h" in html:
        html = _place_headings(html, id_prefix)
    if "<pre><code" in html:
        html = _CODE_BLOCK.sub(_highlight_code, html)
    return sanitize_html(html.rstrip("\n"))


@deconstructible
class MarkdownSourceValidator:
    """Refuse Markdown that would be slow to render or cannot be stored."""

    def __init__(self, max_length: int = MARKDOWN_MAX_LENGTH, max_brackets: int = MARKDOWN_MAX_BRACKETS):
        self.max_length = max_length
        self.max_brackets = max_brackets

    def __call__(self, value: str) -> None:
        if value is None:
            return
        errors = []
        if len(value) > self.max_length:
            errors.append(
                ValidationError(
                    "This Markdown is %(length)d characters long; the limit is %(limit)d.",
                    code="markdown_too_long",
                    params={"length": len(value), "limit": self.max_length},
                )
            )
        brackets = value.count("[")
        if brackets > self.max_brackets:
            errors.append(
                ValidationError(
                    "This Markdown has %(count)d '[' characters; at most %(limit)d are allowed "
                    "(each link or image uses one).",
                    code="markdown_too_many_brackets",
                    params={"count": brackets, "limit": self.max_brackets},
                )
            )
        if "\x00" in value:
            errors.append(ValidationError("Null characters are not allowed.", code="null_characters_not_allowed"))
        if errors:
            raise ValidationError(errors)

    def __eq__(self, other):
        return (
            isinstance(other, MarkdownSourceValidator)
            and self.max_length == other.max_length
            and self.max_brackets == other.max_brackets
        )


def validate_markdown_source(value: str, max_length: int = MARKDOWN_MAX_LENGTH) -> None:
    MarkdownSourceValidator(max_length=max_length)(value)
