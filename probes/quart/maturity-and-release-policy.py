"""Quart: still 0.x (SemVer before 1.0, so minors may break), marked Beta, and 0.23 requires Python 3.13+."""

FRAMEWORK = "quart"
CRITERION = "maturity-and-release-policy"
SHOWS = "claim"
REQUIRES = []

import importlib.metadata
import sys

version = importlib.metadata.version("quart")
meta = importlib.metadata.metadata("quart")
status = [c for c in meta.get_all("Classifier") or [] if c.startswith("Development Status")]
print("quart", version, "| Requires-Python", meta["Requires-Python"], "| status", status)
print("running on", sys.version.split()[0])
assert version.startswith("0.")  # pre-1.0: under SemVer, minor releases may break the API
assert status == ["Development Status :: 4 - Beta"]
# 0.21 dropped Python 3.9 and 3.10, 0.23 everything before 3.13 (the cell says so)
assert meta["Requires-Python"] == (">=3.13" if version.startswith("0.23") else ">=3.11"), meta["Requires-Python"]
