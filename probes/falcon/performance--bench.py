"""Falcon: the installed distribution ships a falcon-bench command."""

FRAMEWORK = "falcon"
CRITERION = "performance"
SHOWS = "claim"
REQUIRES = []

import importlib.metadata

dist = importlib.metadata.distribution("falcon")
scripts = sorted(ep.name for ep in dist.entry_points if ep.group == "console_scripts")
print("falcon", dist.version, "console scripts:", scripts)
assert "falcon-bench" in scripts
