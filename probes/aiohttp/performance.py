"""aiohttp: the server parses HTTP with a compiled C extension (pure-Python fallback exists)."""

FRAMEWORK = "aiohttp"
CRITERION = "performance"
SHOWS = "claim"
REQUIRES = []

import importlib.machinery
import os

os.environ.pop("AIOHTTP_NO_EXTENSIONS", None)

from aiohttp import _http_parser, http_parser, web_protocol

suffix = os.path.splitext(_http_parser.__file__)[1]
print("aiohttp._http_parser:", _http_parser.__file__)
print("http_parser.HttpRequestParser:", http_parser.HttpRequestParser)
print("server protocol uses:", web_protocol.HttpRequestParser)
assert any(_http_parser.__file__.endswith(s) for s in importlib.machinery.EXTENSION_SUFFIXES), suffix
assert http_parser.HttpRequestParser is _http_parser.HttpRequestParser
assert web_protocol.HttpRequestParser is _http_parser.HttpRequestParser
assert http_parser.HttpRequestParserPy is not http_parser.HttpRequestParser  # the Python fallback
