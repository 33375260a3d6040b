"""Sanic: calendar versions (YY.MM), Python 3.10-3.14, and deprecated APIs warn naming the release that removes them."""

FRAMEWORK = "sanic"
CRITERION = "maturity-and-release-policy"
SHOWS = "claim"
REQUIRES = ["sanic-testing==24.6.0"]

import importlib.metadata
import re
import sys
import warnings

import sanic
from sanic import Sanic
from sanic.response import text

meta = importlib.metadata.metadata("sanic")
pythons = [
    c.rsplit(" ", 1)[1] for c in meta.get_all("Classifier") if c.startswith("Programming Language :: Python :: 3.")
]
print("sanic", sanic.__version__, "| Requires-Python", meta["Requires-Python"], "| classifiers", pythons)
print("running on", sys.version.split()[0])
year, month, micro = (int(p) for p in re.fullmatch(r"(\d\d)\.(\d{1,2})\.(\d+)", sanic.__version__).groups())
assert year >= 18 and month in (3, 6, 9, 12)  # YY.MM.MICRO, quarterly release months
assert meta["Requires-Python"] == ">=3.10" and {"3.10", "3.11", "3.12", "3.13", "3.14"} <= set(pythons)

app = Sanic("probe_maturity", configure_logging=False)
app.config.AUTO_EXTEND = False
seen = []


async def old_style_listener(app, loop):  # the loop argument is deprecated
    seen.append("listener ran")


app.register_listener(old_style_listener, "before_server_start")


@app.get("/")
async def index(request):
    return text("ok")


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    _, r = app.test_client.get("/")
ours = [w for w in caught if "old_style_listener" in str(w.message)]
messages = [str(w.message) for w in ours]
print("response:", r.status, seen, "| warning:", messages)
assert r.status == 200 and seen == ["listener ran"]
assert len(ours) == 1 and issubclass(ours[0].category, DeprecationWarning)
removal = re.search(r"DEPRECATION v(\d+)\.(\d+)", messages[0]).groups()
print("removal release:", ".".join(removal), "| this release:", f"{year}.{month}")
months_ahead = (int(removal[0]) * 12 + int(removal[1])) - (year * 12 + month)
assert months_ahead >= 6  # at least two quarterly releases ahead, and still working now
