"""Sanic: the test client is not in the sanic package; sanic-testing adds app.test_client and app.asgi_client."""

FRAMEWORK = "sanic"
CRITERION = "testing-support"
SHOWS = "claim"
REQUIRES = ["sanic-testing==24.6.0"]

import asyncio
import importlib.util
import pathlib

import sanic
from sanic import Sanic
from sanic.response import text

pkg = pathlib.Path(sanic.__file__).parent
in_core = sorted(str(p.relative_to(pkg)) for p in pkg.rglob("*.py") if "testing" in p.name or "test_client" in p.name)
print("sanic", sanic.__version__, "test-client modules inside sanic:", in_core)
assert in_core == [] and importlib.util.find_spec("sanic.testing") is None

import sanic_testing


def make_app(name):
    app = Sanic(name, configure_logging=False)

    @app.get("/")
    async def hello(request):
        return text("hi " + request.args.get("name", "?"))

    return app


app = make_app("probe_testing")  # the sync client starts a real server on loopback
_, r = app.test_client.get("/?name=sync")
print("test_client (real server):", r.status, r.text, "| client from", type(app.test_client).__module__)
assert r.text == "hi sync" and type(app.test_client).__module__.startswith("sanic_testing")

other = make_app("probe_testing_asgi")  # a fresh app: the sync client leaves its listener on the first one


async def main():
    _, r = await other.asgi_client.get("/?name=asgi")
    print("asgi_client (in-process ASGI):", r.status, r.text)
    assert r.text == "hi asgi"


asyncio.run(main())
assert sanic_testing.__file__
