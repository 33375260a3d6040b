"""Tornado: the HTTP server is pure Python; the C extension tornado.speedups only masks WebSocket frames."""

FRAMEWORK = "tornado"
CRITERION = "performance"
SHOWS = "claim"
REQUIRES = []

import importlib.machinery

import tornado.http1connection
import tornado.httpserver
import tornado.util

try:
    import tornado.speedups as speedups
except ImportError:
    speedups = None

print("tornado.speedups:", speedups and speedups.__file__)
print("speedups exports:", speedups and [n for n in dir(speedups) if not n.startswith("_")])
print("HTTP/1 connection module:", tornado.http1connection.__file__)
assert speedups is not None
assert any(speedups.__file__.endswith(s) for s in importlib.machinery.EXTENSION_SUFFIXES)
assert [n for n in dir(speedups) if not n.startswith("_")] == ["websocket_mask"]
assert tornado.util._websocket_mask is speedups.websocket_mask
for module in (tornado.http1connection, tornado.httpserver):
    assert module.__file__.endswith(".py")
