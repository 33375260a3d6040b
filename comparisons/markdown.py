"""The one way Markdown becomes HTML on this site.

Templates, the API, stored HTML and the admin's live preview (django-markdownx's
MARKDOWNX_MARKDOWNIFY_FUNCTION) all call `render_markdown`, so the preview is
exactly as safe as the public page. HTML is rendered when a row is saved, never
on a request (`manage.py rerender_markdown` renders stored rows again after
this module changes).

The Markdown is CommonMark with tables and strikethrough, parsed by
markdown-it-py. Its hooks make it ours: core rules place headings below the
page's own (`#` becomes <h3>) with ids unique within the text, and turn a table
column's alignment into a class (the CSP allows no style attributes); render
rules highlight code blocks with Pygments and show images only from the site's
own uploads (any other image becomes a link to it). Raw HTML in the
source is not interpreted at all (it is shown as text), and the output always
goes through nh3 with an explicit allow-list: a Markdown parser is not a
sanitizer. Sources are capped in length and in `[` characters (each link or
image needs one; long runs of them are slow for any parser) by
`MarkdownSourceValidator`, which the models, the admin forms and the preview
endpoint all apply.
"""

import nh3
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.utils.deconstruct import deconstructible
from django.utils.text import slugify
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdownx.fields import MarkdownxFormField
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
    **{heading: {"id"} for heading in HEADINGS},
}
# Only the classes code highlighting needs, so content cannot borrow the site's
# own classes (a fake support-level badge, say).
TABLE_ALIGN_CLASSES = {"left": "align-left", "center": "align-center", "right": "align-right"}
ALLOWED_CLASSES = {
    "div": {"codehilite"},
    "th": set(TABLE_ALIGN_CLASSES.values()),
    "td": set(TABLE_ALIGN_CLASSES.values()),
    "span": {token_class for token_class in STANDARD_TYPES.values() if token_class} | {"hll"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow noopener noreferrer"


def _place_headings(state) -> None:
    """Core rule: headings start at HEADING_BASE_LEVEL and get ids from their words, unique within the text."""
    prefix = state.env.get("id_prefix", HEADING_ID_PREFIX)
    seen = set()
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type not in {"heading_open", "heading_close"}:
            continue
        token.tag = f"h{min(6, int(token.tag[1]) + HEADING_BASE_LEVEL - 1)}"
        if token.type == "heading_close":
            continue
        words = "".join(child.content for child in tokens[index + 1].children or [] if child.type != "image")
        base = prefix + (slugify(words) or "section")
        heading_id, count = base, 1
        while heading_id in seen:
            heading_id = f"{base}_{count}"
            count += 1
        seen.add(heading_id)
        token.attrSet("id", heading_id)


def _align_cells_by_class(state) -> None:
    """Core rule: a table column's alignment becomes a class, since the site's CSP allows no style attributes."""
    for token in state.tokens:
        if token.type in {"th_open", "td_open"} and token.attrs.get("style", "").startswith("text-align:"):
            alignment = token.attrs.pop("style").removeprefix("text-align:")
            token.attrSet("class", TABLE_ALIGN_CLASSES[alignment])


def _image_or_link(renderer, tokens, index, options, env) -> str:
    """Render rule: images show only from the site's own uploads; any other image becomes a link to it.

    An image from another host would load on every reader's visit (a tracking
    pixel, or content that changes after review); a link loads nothing until
    clicked.
    """
    token = tokens[index]
    source = token.attrGet("src") or ""
    if source.startswith(_own_media_prefix()):
        return renderer.image(tokens, index, options, env)
    text = renderer.renderInlineAsText(token.children or [], options, env) or source
    return f'<a href="{escapeHtml(source)}">{escapeHtml(text)}</a>'


def _own_media_prefix() -> str:
    """Where editor uploads are served from, as the editor's upload endpoint writes it into Markdown."""
    return default_storage.url("")


_CODE_FORMATTER = HtmlFormatter(cssclass="codehilite", wrapcode=True)


def _code_html(code: str, language: str) -> str:
    """Pygments' HTML for `code`: its classes when the language is known, else plain."""
    try:
        lexer = get_lexer_by_name(language) if language else TextLexer()
    except ClassNotFound:
        lexer = TextLexer()
    return highlight(code, lexer, _CODE_FORMATTER)


def _highlighted_code(renderer, tokens, index, options, env) -> str:
    """Render rule for fenced and indented code blocks."""
    token = tokens[index]
    language = token.info.strip().split(maxsplit=1)[0] if token.info.strip() else ""
    return _code_html(token.content, language)


def highlight_code(code: str, language: str) -> str:
    """A code example as sanitized HTML, highlighted like code in Markdown."""
    return sanitize_html(_code_html(normalize_newlines(code) or "", language).rstrip("\n"))


def validate_lexer_name(value: str) -> None:
    try:
        get_lexer_by_name(value)
    except ClassNotFound:
        raise ValidationError(
            "“%(value)s” is not a language Pygments knows; use a lexer name such as python, html or toml.",
            code="unknown_language",
            params={"value": value},
        ) from None


def _markdown_parser() -> MarkdownIt:
    # CommonMark without raw HTML (such source is shown as text), plus tables and strikethrough.
    parser = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    parser.core.ruler.push("place_headings", _place_headings)
    parser.core.ruler.push("align_cells_by_class", _align_cells_by_class)
    parser.add_render_rule("image", _image_or_link)
    parser.add_render_rule("fence", _highlighted_code)
    parser.add_render_rule("code_block", _highlighted_code)
    return parser


_parser = _markdown_parser()
_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    allowed_classes=ALLOWED_CLASSES,
    url_schemes=ALLOWED_URL_SCHEMES,
    link_rel=LINK_REL,
    strip_comments=True,
)


def sanitize_html(html: str) -> str:
    return _cleaner.clean(html)


def normalize_newlines(source: str | None) -> str | None:
    """Markdown as stored: every line ends with LF (browsers post CRLF)."""
    return source.replace("\r\n", "\n").replace("\r", "\n") if source else source


def render_markdown(source: str | None, *, id_prefix: str = HEADING_ID_PREFIX) -> str:
    """Render Markdown source to sanitized HTML, safe to mark as safe in a template.

    `id_prefix` starts every heading id; stored fields pass one unique to the
    row and field, so two fields shown on one page never repeat an id.
    """
    if not source:
        return ""
    html = _parser.render(normalize_newlines(source), {"id_prefix": id_prefix})
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


class MarkdownFormField(MarkdownxFormField):
    """django-markdownx's form field, taking Markdown with LF line endings as stored.

    Browsers post CRLF: without this, an untouched field counts as changed.
    """

    def to_python(self, value):
        return normalize_newlines(super().to_python(value))

    def has_changed(self, initial, data):
        return super().has_changed(normalize_newlines(initial), data)
