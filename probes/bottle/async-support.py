"""Bottle: an async def callback is not awaited (the request fails) and the app is only a WSGI callable."""

FRAMEWORK = "bottle"
CRITERION = "async-support"
SHOWS = "claim"
REQUIRES = []

import inspect
import io
import warnings
from wsgiref.util import setup_testing_defaults

import bottle

app = bottle.Bottle()


@app.route("/")
async def index():
    return "awaited result"


environ = {"PATH_INFO": "/", "wsgi.input": io.BytesIO()}
setup_testing_defaults(environ)
replies = []
with warnings.catch_warnings():
    warnings.simplefilter("ignore", RuntimeWarning)  # "coroutine ... was never awaited"
    body = b"".join(app(environ, lambda status, headers, exc_info=None: replies.append(status)))
print("async callback ->", replies[0], body[:80])
assert b"awaited result" not in body and not replies[0].startswith("200")

params = list(inspect.signature(app.__call__).parameters)
print("Bottle.__call__ parameters:", params)
assert params == ["environ", "start_response"]
