"""The API's JSON renderer: DRF's, able to splice in rows kept already encoded.

The list endpoints keep each row's JSON in the fragment cache (`views.CachedRowsMixin`).
Kept as Python values, reading 200 nested rows back and encoding them again
was most of a list's time (real shape, `?limit=200`: about 7 of 12 ms); kept as
the bytes this renderer would write, they are joined as they are.
"""

import json

from rest_framework import renderers


class EncodedRows(list):
    """A list of rows, each the bytes of its JSON as `JSONRenderer` writes it (`encode`)."""


def encode(row) -> bytes:
    """One row's JSON, as the API writes it, to be kept in an `EncodedRows`."""
    return JSONRenderer().render(row)


class JSONRenderer(renderers.JSONRenderer):
    """DRF's JSON renderer; a response whose `results` are `EncodedRows` gets them spliced in unchanged.

    The bytes are the same as rendering the decoded rows: every row was
    written by this renderer with the same settings. Indented output (the
    browsable API, `?indent=`) decodes them and renders as usual.
    """

    def render(self, data, accepted_media_type=None, renderer_context=None):
        rows = data.get("results") if isinstance(data, dict) else None
        if not isinstance(rows, EncodedRows):
            return super().render(data, accepted_media_type, renderer_context)
        indented = self.get_indent(accepted_media_type, renderer_context or {})
        envelope = b"" if indented else super().render({**data, "results": []}, accepted_media_type, renderer_context)
        if not envelope.endswith(b'"results":[]}'):  # indented, or `results` not last: render the ordinary way
            decoded = {**data, "results": [json.loads(row) for row in rows]}
            return super().render(decoded, accepted_media_type, renderer_context)
        return b"".join((envelope[: -len(b"]}")], b",".join(rows), b"]}"))
