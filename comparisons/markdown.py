"""The one way Markdown becomes HTML on this site.

Templates, the API, stored HTML and the admin's live preview (django-markdownx's
MARKDOWNX_MARKDOWNIFY_FUNCTION) all call `render_markdown`, so the preview is
exactly as safe as the public page.

Python-Markdown is not a sanitizer, so its output always goes through nh3 with
an explicit allow-list. Raw HTML in the source is not interpreted at all: it is
shown as text. Python-Markdown also takes time quadratic in the number of `[`
characters in a paragraph, so sources are capped in length and in brackets by
`validate_markdown_source`, which the models, the admin forms and the preview
endpoint all apply.
"""

import re
import threading

import markdown
import nh3
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.text import slugify
from pygments.token import STANDARD_TYPES

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


_thread_state = threading.local()


def _heading_id(value: str, separator: str) -> str:
    """Prefix heading ids so Markdown never reuses an id of the page, or of another field on it."""
    return getattr(_thread_state, "heading_prefix", HEADING_ID_PREFIX) + (slugify(value) or "section")


# Text that may hold a heading (ATX "#", a setext underline, even inside a quote) or a [TOC]
# marker. Text without any of them gets nothing from the toc extension, which walks the whole
# tree of every field; such text is rendered by a converter without it (same HTML, faster).
MAYBE_HEADINGS = re.compile(r"#|\[TOC\]|^[ \t>]*(?:=+|-+)[ \t]*$", re.MULTILINE)


def _build_converter(*, headings: bool = True) -> markdown.Markdown:
    extensions = ["tables", "fenced_code", "codehilite", "sane_lists"]
    if headings:
        extensions.append("toc")
    converter = markdown.Markdown(
        extensions=extensions,
        extension_configs={
            "codehilite": {"guess_lang": False, "css_class": "codehilite"},
            "toc": {"slugify": _heading_id, "permalink": False, "baselevel": str(HEADING_BASE_LEVEL)},
        },
        output_format="html",
    )
    # Raw HTML is shown as text rather than passed through to the sanitizer.
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    return converter


def _converter(source: str) -> markdown.Markdown:
    # A Markdown instance is costly to build and not thread-safe: one (of each kind) per thread.
    # Python-Markdown reads "\r\n" and a lone "\r" as line ends too.
    kind = "converter" if MAYBE_HEADINGS.search(source.replace("\r", "\n")) else "converter_without_headings"
    converter = getattr(_thread_state, kind, None)
    if converter is None:
        converter = _build_converter(headings=kind == "converter")
        setattr(_thread_state, kind, converter)
    return converter


def sanitize_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
        filter_style_properties=ALLOWED_STYLE_PROPERTIES,
        strip_comments=True,
    )


def render_markdown(source: str | None, *, id_prefix: str = HEADING_ID_PREFIX) -> str:
    """Render Markdown source to sanitized HTML, safe to mark as safe in a template.

    `id_prefix` starts every heading id; stored fields pass one unique to the
    row and field, so two fields shown on one page never repeat an id.
    """
    if not source:
        return ""
    _thread_state.heading_prefix = id_prefix
    try:
        html = _converter(source).reset().convert(source)
    finally:
        _thread_state.heading_prefix = HEADING_ID_PREFIX
    return sanitize_html(html)


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
