"""The API's JSON renderer: DRF's, able to splice in parts kept already encoded.

The list endpoints keep each row's JSON in the fragment cache
(`views.CachedRowsMixin`), and the compare endpoint its matrix. Kept as Python
values, reading them back and encoding them again was most of a response's
time (real shape: the assessments list at `?limit=200` took 12.5 ms, 7.2 ms
with its rows kept encoded). Kept as the bytes this renderer writes, they are
spliced in as they are.
"""

import json
import re
import uuid

from rest_framework import renderers


class EncodedJSON(bytes):
    """A value's JSON, written by `encode`: the renderer puts it in a response unchanged."""


def encode(value) -> EncodedJSON:
    return EncodedJSON(JSONRenderer().render(value))


class JSONRenderer(renderers.JSONRenderer):
    """DRF's JSON renderer, splicing in `EncodedJSON` found as a value of the data or an item of such a value.

    Only those two levels are looked at: that is where the views put them, and
    a response's other values are never walked. The bytes are the same as
    rendering the decoded values, as each was written by this renderer with
    the same settings. Indented output (the browsable API, `; indent=`)
    decodes them and renders as usual.
    """

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if not isinstance(data, dict):
            return super().render(data, accepted_media_type, renderer_context)
        indented = bool(self.get_indent(accepted_media_type, renderer_context or {}))
        marker = f"encoded-json-{uuid.uuid4().hex}-"  # a string no content holds, standing in for each part
        parts = []

        def stand_in(value):
            if not isinstance(value, EncodedJSON):
                return value
            if indented:
                return json.loads(value)
            parts.append(value)
            return f"{marker}{len(parts) - 1}"

        data = {
            key: [stand_in(item) for item in value] if isinstance(value, list) else stand_in(value)
            for key, value in data.items()
        }
        rendered = super().render(data, accepted_media_type, renderer_context)
        if not parts:
            return rendered
        return re.sub(rf'"{marker}(\d+)"'.encode(), lambda match: parts[int(match[1])], rendered)
