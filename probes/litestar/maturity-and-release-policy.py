"""Litestar: 2.x declares Python 3.8-3.14; StaticFilesConfig, deprecated in 2.6, still works until 3.0."""

FRAMEWORK = "litestar"
CRITERION = "maturity-and-release-policy"
SHOWS = "claim"
REQUIRES = ["httpx==0.27.2"]  # older releases' test clients pass app=, which httpx 0.28 removed

import importlib.metadata
import os
import sys
import warnings
from pathlib import Path

from litestar import Litestar
from litestar.testing import TestClient

meta = importlib.metadata.metadata("litestar")
version = importlib.metadata.version("litestar")
pythons = [
    c.rsplit(" ", 1)[1] for c in meta.get_all("Classifier") if c.startswith("Programming Language :: Python :: 3.")
]
print(
    "litestar",
    version,
    "| Requires-Python",
    meta["Requires-Python"],
    "| classifiers",
    pythons,
    "| running on",
    sys.version.split()[0],
)
assert version.startswith("2.") and int(version.split(".")[1]) >= 20
assert meta["Requires-Python"] in (">=3.8,<4.0", "<4.0,>=3.8")
assert {"3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14"} <= set(pythons)

os.makedirs("assets")
Path("assets/a.txt").write_text("still served")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    from litestar.static_files.config import StaticFilesConfig  # replaced by create_static_files_router in 2.6.0

    app = Litestar(static_files_config=[StaticFilesConfig(path="/static", directories=["assets"])])
messages = sorted({str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)})
with TestClient(app) as client:
    body = client.get("/static/a.txt").text
print("deprecated StaticFilesConfig:", body, "| warnings:", messages)
assert body == "still served"
assert any("2.6.0" in m and "3.0" in m for m in messages), (
    "deprecated in a minor release, removal only in the next major"
)
