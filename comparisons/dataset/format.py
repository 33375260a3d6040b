"""What every part of the dataset format shares: its name, version, our licence and the JSON Schema."""

import json
from functools import cache
from pathlib import Path

FORMAT_NAME = "comparesite-dataset"
FORMAT_VERSION = 3
# Versions an import reads. Version 1 has no releases, statements or code examples; 2 no evidence.
READABLE_FORMAT_VERSIONS = (1, 2, 3)
# The licence of what our editors write; imported third-party data keeps its own (DataCredit).
LICENSE = {
    "name": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/",
    "attribution": "comparesite editors",
}
SCHEMA_PATH = Path(__file__).with_name("schema.json")


@cache
def json_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text())
