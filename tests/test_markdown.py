"""The one Markdown renderer: what it keeps, what it strips, what it refuses."""

import re
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError

from comparisons.markdown import MARKDOWN_MAX_BRACKETS, render_markdown, sanitize_html, validate_markdown_source

XSS_PAYLOADS = {
    "script tag": "<script>alert(1)</script>",
    "script tag in a paragraph": "Hello <script>alert(1)</script> world",
    "img onerror": '<img src=x onerror="alert(1)">',
    "svg onload": '<svg onload="alert(1)"><circle r="10"/></svg>',
    "svg script": "<svg><script>alert(1)</script></svg>",
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "style tag": "<style>body { display: none }</style>",
    "event handler on div": '<div onmouseover="alert(1)">hover</div>',
    "javascript link": "[click](javascript:alert(1))",
    "javascript link mixed case": "[click](JaVaScRiPt:alert(1))",
    "javascript link with entity": "[click](&#106;avascript:alert(1))",
    "javascript link with hex entity": "[click](&#x6A;avascript:alert(1))",
    "javascript link with tab": "[click](java\tscript:alert(1))",
    "javascript link with leading space entity": "[click](&#32;javascript:alert(1))",
    "vbscript link": "[click](vbscript:msgbox(1))",
    "data link": "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "data image": "![pic](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "javascript image": "![pic](javascript:alert(1))",
    "reference link to javascript": "[click][evil]\n\n[evil]: javascript:alert(1)",
    "autolink javascript": "<javascript:alert(1)>",
    "html anchor": '<a href="javascript:alert(1)">x</a>',
    "object embed": '<object data="x.swf"></object><embed src="x.swf">',
    "form": '<form action="https://evil.example/"><input name="q"></form>',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "link title breakout": '[x](https://ok.example/ "a\\" onmouseover=\\"alert(1)")',
}

FORBIDDEN_TAGS = {"script", "iframe", "style", "svg", "object", "embed", "form", "input", "meta", "link", "base"}
SAFE_SCHEMES = {"http", "https", "mailto"}


class ElementCollector(HTMLParser):
    """Collects the elements a browser would build from the HTML (escaped text is not an element)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def url_scheme(url):
    # As browsers parse URLs: C0 controls and spaces at either end are trimmed,
    # tabs and newlines anywhere are removed.
    compact = re.sub(r"[\t\n\r]", "", url.strip("".join(map(chr, range(0x21)))))
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", compact)
    return match.group(1).lower() if match else None


@pytest.mark.parametrize("source", XSS_PAYLOADS.values(), ids=XSS_PAYLOADS.keys())
def test_renderer_neutralises_xss_payloads(source):
    collector = ElementCollector()
    collector.feed(render_markdown(source))

    for tag, attrs in collector.elements:
        assert tag not in FORBIDDEN_TAGS
        assert not [name for name in attrs if name.startswith("on")]
        for name in ("href", "src"):
            if attrs.get(name) is not None:
                assert url_scheme(attrs[name]) in SAFE_SCHEMES | {None}, attrs[name]


def test_sanitizer_strips_what_the_renderer_never_produces():
    # Defence in depth: even HTML that reached the sanitizer directly loses its payload.
    html = sanitize_html('<p onclick="x()">hi<script>alert(1)</script><a href="JAVASCRIPT:alert(1)">a</a></p>')

    assert html == '<p>hi<a rel="nofollow noopener noreferrer">a</a></p>'


@pytest.mark.parametrize(
    "href", ["java\tscript:alert(1)", "java\nscript:alert(1)", " \x01javascript:alert(1)", "&#106;avascript:x"]
)
def test_sanitizer_drops_urls_that_browsers_read_as_javascript(href):
    collector = ElementCollector()
    collector.feed(sanitize_html(f'<a href="{href}">a</a>'))

    assert collector.elements == [("a", {"rel": "nofollow noopener noreferrer"})]


def test_raw_html_is_shown_as_text_not_interpreted():
    assert render_markdown("<b>bold</b>") == "<p>&lt;b&gt;bold&lt;/b&gt;</p>"


def test_links_keep_safe_urls_and_get_rel_nofollow():
    html = render_markdown("[docs](https://docs.djangoproject.com/) and [mail](mailto:editors@example.org)")

    assert 'href="https://docs.djangoproject.com/"' in html
    assert 'href="mailto:editors@example.org"' in html
    assert html.count('rel="nofollow noopener noreferrer"') == 2


def test_tables_keep_their_alignment_as_classes_the_csp_allows():
    html = render_markdown("| Framework | Forms |\n|:--|--:|\n| Django | built in |")

    assert "<table>" in html
    assert '<th class="align-left">Framework</th>' in html
    assert '<td class="align-right">built in</td>' in html
    assert "style=" not in html


def test_fenced_code_is_highlighted_with_classes():
    html = render_markdown("```python\ndef view(request):\n    return None\n```")

    assert '<div class="codehilite">' in html
    assert '<span class="k">def</span>' in html


def test_content_cannot_borrow_the_sites_own_classes():
    html = render_markdown("```{ .level--built_in .python }\nx = 1\n```")

    assert 'class="codehilite"' in html
    assert "level--built_in" not in html


def test_headings_start_below_the_page_headings_and_get_prefixed_ids():
    html = render_markdown("# Request object\n\n## Forms & validation")

    assert '<h3 id="md-request-object">Request object</h3>' in html
    assert '<h4 id="md-forms-validation">' in html


def test_heading_ids_can_carry_the_owner_so_a_page_never_repeats_one():
    html = render_markdown("# Example", id_prefix="md-flask-forms-details-")

    assert 'id="md-flask-forms-details-example"' in html
    assert 'id="md-example"' in render_markdown("# Example")


def test_no_style_attribute_survives():
    html = sanitize_html(
        '<table><tr><td style="text-align: left; background: url(https://e.example/)">x</td></tr></table>'
    )

    assert html == "<table><tbody><tr><td>x</td></tr></tbody></table>"


def test_images_show_only_from_the_sites_own_uploads():
    html = render_markdown("![Our diagram](/media/editor-images/plan.png)")

    assert html == '<p><img src="/media/editor-images/plan.png" alt="Our diagram"></p>'


def test_an_image_from_another_host_becomes_a_link_that_loads_nothing():
    html = render_markdown("![pixel](https://tracker.example/p.gif) ![](https://cdn.example/logo.png)")

    assert "<img" not in html
    assert '<a href="https://tracker.example/p.gif" rel="nofollow noopener noreferrer">pixel</a>' in html
    assert (
        '<a href="https://cdn.example/logo.png" rel="nofollow noopener noreferrer">https://cdn.example/logo.png</a>'
        in html
    )


def test_empty_source_renders_to_empty_string():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""


def markdown_problems(source, **limits) -> list[str]:
    """What the validator says about this source: [] when it accepts it."""
    try:
        validate_markdown_source(source, **limits)
    except ValidationError as refused:
        return refused.messages
    return []


TOO_LONG = "This Markdown is 101 characters long; the limit is 100."
TOO_MANY_BRACKETS = (
    f"This Markdown has {MARKDOWN_MAX_BRACKETS + 1} '[' characters; "
    f"at most {MARKDOWN_MAX_BRACKETS} are allowed (each link or image uses one)."
)
NULL_CHARACTERS = "Null characters are not allowed."


@pytest.mark.parametrize(
    ("source", "limits", "problems"),
    [
        pytest.param(
            "See [the docs](https://docs.example/) and [the code](https://code.example/).",
            {},
            [],
            id="ordinary markdown",
        ),
        pytest.param("a" * 100, {"max_length": 100}, [], id="text exactly at the cap"),
        pytest.param("[" * MARKDOWN_MAX_BRACKETS, {}, [], id="as many brackets as allowed"),
        pytest.param("a" * 101, {"max_length": 100}, [TOO_LONG], id="text over the cap"),
        pytest.param(
            "[" * (MARKDOWN_MAX_BRACKETS + 1),
            {},
            [TOO_MANY_BRACKETS],
            id="a run of brackets that would be slow to render",
        ),
        pytest.param("before\x00after", {}, [NULL_CHARACTERS], id="a null character"),
        pytest.param(
            "[" * (MARKDOWN_MAX_BRACKETS + 1) + "\x00",
            {"max_length": 101},
            [
                "This Markdown is 102 characters long; the limit is 101.",
                TOO_MANY_BRACKETS,
                NULL_CHARACTERS,
            ],
            id="every problem at once",
        ),
    ],
)
def test_validator_accepts_ordinary_markdown_and_names_every_problem(source, limits, problems):
    assert markdown_problems(source, **limits) == problems


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_headings_get_their_ids_and_level_whatever_the_line_endings(newline):
    for source in (f"Setup{newline}====={newline}{newline}Body", f"# Setup{newline}{newline}Body"):
        assert render_markdown(source, id_prefix="md-x-").startswith('<h3 id="md-x-setup">Setup</h3>')


def test_repeated_headings_get_ids_of_their_own():
    html = render_markdown("## Setup\n\nOne\n\n## Setup\n\nTwo", id_prefix="md-x-")

    assert 'id="md-x-setup"' in html and 'id="md-x-setup_1"' in html


def test_strikethrough_lists_and_line_breaks_render():
    html = render_markdown("~~old~~ **new**  \nnext\n\n- one\n- two\n\n3. three")

    assert "<s>old</s> <strong>new</strong><br>" in html
    assert "<ul>\n<li>one</li>" in html and '<ol start="3">' in html


def test_indented_code_is_kept_as_code():
    assert render_markdown("    x = 1") == '<div class="codehilite"><pre><span></span><code>x = 1\n</code></pre></div>'


def test_heading_ids_come_from_the_words_not_the_markup():
    html = render_markdown("# Forms *with* `WTForms` &amp; more ![logo](https://example.org/x.png)", id_prefix="md-x-")

    assert html.startswith('<h3 id="md-x-forms-with-wtforms-more">Forms <em>with</em> <code>WTForms</code> &amp; more')


def test_heading_syntax_inside_code_stays_code():
    html = render_markdown("# Example\n\n```markdown\n# not a heading\n<h1>nor this</h1>\n```", id_prefix="md-x-")

    assert html.count("<h3") == 1 and "<h1" not in html
    assert '<h3 id="md-x-example">Example</h3>' in html
    assert "# not a heading" in html and "&lt;h1&gt;nor this&lt;/h1&gt;" in html


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Request\nobject\n===", '<h3 id="md-x-requestobject">Request\nobject</h3>'),
        ("Request\\\nobject\n---", '<h4 id="md-x-requestobject">Request<br>\nobject</h4>'),
    ],
)
def test_a_heading_over_two_lines_is_placed_and_named_like_any_other(source, expected):
    assert render_markdown(source, id_prefix="md-x-") == expected


def test_code_in_a_list_item_is_highlighted_with_its_escapes_intact():
    html = render_markdown('- step:\n\n  ```python\n  if a < b and c > "d":\n  ```')

    assert '<li>\n<p>step:</p>\n<div class="codehilite">' in html
    assert '<span class="k">if</span>' in html and "&lt;" in html and "&gt;" in html


def test_an_unknown_language_is_shown_as_plain_code():
    html = render_markdown("```no-such-language\n<x> & y\n```")

    assert html == '<div class="codehilite"><pre><span></span><code>&lt;x&gt; &amp; y\n</code></pre></div>'
