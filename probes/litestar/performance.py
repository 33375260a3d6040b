"""Litestar: msgspec, a compiled C extension, is a hard dependency and does the JSON encoding and decoding."""

FRAMEWORK = "litestar"
CRITERION = "performance"
SHOWS = "claim"
REQUIRES = []

import importlib.machinery
import importlib.metadata
import re
from dataclasses import dataclass

import msgspec
import msgspec._core
from litestar import post
from litestar.serialization import decode_json, encode_json
from litestar.testing import create_test_client

hard = [r for r in importlib.metadata.requires("litestar") or [] if "extra ==" not in r]
names = {re.split(r"[ ;<>=!~\[]", r, maxsplit=1)[0].lower() for r in hard}
print("msgspec core module:", msgspec._core.__file__, "| litestar hard deps:", sorted(names))
assert "msgspec" in names
assert msgspec._core.__file__.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)), "msgspec is compiled"
assert encode_json({"a": 1}) == msgspec.json.encode({"a": 1}) and decode_json(b'{"a":1}') == {"a": 1}


@dataclass
class Point:
    x: int


@post("/p")
async def p(data: Point) -> Point:
    return data


with create_test_client([p]) as client:
    bad = client.post("/p", json={"x": "abc"})
print("msgspec validation of a non-numeric string for an int:", bad.status_code, bad.json())
assert bad.status_code == 400 and "Expected `int`, got `str`" in bad.text, "the message is msgspec's"
