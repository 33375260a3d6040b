"""Starlette: a lean core whose only hard runtime dependency is AnyIO."""

FRAMEWORK = "starlette"
CRITERION = "performance"
SHOWS = "claim"
REQUIRES = []

import importlib.metadata
import re

reqs = importlib.metadata.requires("starlette") or []
hard = [r for r in reqs if "extra ==" not in r]
names = {re.split(r"[ ;<>=!~\[]", r, maxsplit=1)[0].lower().replace("_", "-") for r in hard}
print("all requirements:", reqs)
print("hard requirements:", hard)
# typing-extensions is only a typing backport for older Pythons, not a runtime component.
assert names - {"typing-extensions"} == {"anyio"}, names
