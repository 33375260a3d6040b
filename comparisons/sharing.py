"""What readers share and embed: a cell's SVG badge and the social images of framework and compare pages.

The badge's SVG is a template (`templates/comparisons/badge.svg`); this module
measures its text. Social images are PNGs drawn with Pillow: a title, a line
of context and, per framework, a bar of its levels over the criteria, in the
site's level colours with the level names written beside them. Both are
functions of the content, so the reader cache keeps them until it changes, and
the PNG bytes are also kept in the fragment cache (`cached_by_content_version`),
shared by every URL that names the same set.
"""

import io
import textwrap
from collections import Counter
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from . import caching
from .choices import SupportLevel

# Light fills as on the site (static/css/site.css) and darker ones for text on the badge.
LEVEL_FILLS = {
    SupportLevel.BUILT_IN: "#dff3e4",
    SupportLevel.EXTENSION: "#e2ecfb",
    SupportLevel.PARTIAL: "#fdf1d6",
    SupportLevel.NONE: "#fbe2e0",
    SupportLevel.UNKNOWN: "#eceef1",
}
LEVEL_STRONG = {
    SupportLevel.BUILT_IN: "#1e6b34",
    SupportLevel.EXTENSION: "#1f4f99",
    SupportLevel.PARTIAL: "#7a5200",
    SupportLevel.NONE: "#9b2b22",
    SupportLevel.UNKNOWN: "#5d6370",
}
INK, MUTED, ACCENT, PAPER = "#1d1f23", "#5d6370", "#1f5fbf", "#ffffff"
SOCIAL_SIZE = (1200, 630)


@cache
def font(size: int) -> ImageFont.FreeTypeFont:
    """Pillow's bundled font at `size`: no font file to install or ship."""
    return ImageFont.load_default(size=size)


def text_width(text: str, size: int = 11) -> int:
    """The width in pixels of `text` at `size`, measured with the bundled font (close to Verdana's)."""
    return round(font(size).getlength(text) * 1.1)


def badge_parts(assessment) -> dict:
    """The badge's label ("Flask · Forms"), value ("via extension (Flask-WTF)"), colours and widths."""
    level = assessment.level
    value = level.label.lower() if level != SupportLevel.BUILT_IN else "built in"
    names = [extension.name for extension in assessment.extensions.all()][:2]
    if names and level != SupportLevel.BUILT_IN:
        value = f"{value} ({', '.join(names)})"
    label = f"{assessment.framework.name} · {assessment.criterion.name}"
    label_width, value_width = text_width(label) + 12, text_width(value) + 12
    return {
        "label": label,
        "value": value,
        "label_width": label_width,
        "value_width": value_width,
        "width": label_width + value_width,
        "label_x": label_width / 2,
        "value_x": label_width + value_width / 2,
        "colour": LEVEL_STRONG[level],
    }


def _wrapped(draw, text: str, size: int, width: int, lines: int) -> list[str]:
    """`text` in at most `lines` lines of at most `width` pixels, an ellipsis if it had to be cut."""
    characters = max(10, int(width / (font(size).getlength("abcdefghij") / 10)))
    wrapped = textwrap.wrap(text, characters)
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1].rstrip(" .,;") + "…"
    return wrapped


def social_image(title: str, subtitle: str, rows: list[tuple[str, Counter]]) -> bytes:
    """A 1200×630 PNG: the title, a subtitle, and per row (a framework) a bar of its levels' counts."""
    image = Image.new("RGB", SOCIAL_SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    width, height = SOCIAL_SIZE
    draw.rectangle([0, 0, width, 12], fill=ACCENT)
    draw.text((60, 44), "comparesite", font=font(30), fill=ACCENT)
    draw.text((60, 96), title, font=font(64 if len(title) < 30 else 44), fill=INK)
    y = 190
    for line in _wrapped(draw, subtitle, 30, width - 120, 2):
        draw.text((60, y), line, font=font(30), fill=MUTED)
        y += 40
    y += 20
    bar_height = max(24, min(48, (height - y - 90) // max(1, len(rows)) - 14))
    for name, counts in rows[:6]:
        draw.text((60, y + bar_height / 2), name, font=font(28), fill=INK, anchor="lm")
        total = sum(counts.values()) or 1
        x, bar_width = 330, width - 390
        for level in SupportLevel:
            share = round(bar_width * counts.get(level.value, 0) / total)
            if share:
                draw.rectangle([x, y, x + share, y + bar_height], fill=LEVEL_FILLS[level], outline=PAPER)
                label = str(counts[level.value])
                if font(20).getlength(label) < share - 8:
                    draw.text((x + share / 2, y + bar_height / 2), label, font=font(20), fill=INK, anchor="mm")
                x += share
        y += bar_height + 14
    legend_x = 60
    for level in [level for level in SupportLevel if level != SupportLevel.UNKNOWN]:
        draw.rectangle([legend_x, height - 52, legend_x + 22, height - 30], fill=LEVEL_FILLS[level], outline=MUTED)
        draw.text((legend_x + 30, height - 41), level.label, font=font(22), fill=MUTED, anchor="lm")
        legend_x += 60 + round(font(22).getlength(level.label))
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def cached_social_image(key: str, draw) -> bytes:
    """The PNG `draw()` makes, kept under `key` until the content changes."""
    return caching.cached_by_content_version("social-image", [key], lambda keys: dict.fromkeys(keys, draw()))[key]
