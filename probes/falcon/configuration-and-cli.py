"""Falcon: no settings object and no app runner; its console scripts only inspect routes or benchmark."""

FRAMEWORK = "falcon"
CRITERION = "configuration-and-cli"
SHOWS = "claim"
REQUIRES = []

import importlib.metadata
import os
import pathlib
import subprocess
import sys

import falcon

scripts = sorted(ep.name for ep in importlib.metadata.entry_points(group="console_scripts") if ep.dist.name == "falcon")
print("console scripts:", scripts)
assert scripts == ["falcon-bench", "falcon-inspect-app", "falcon-print-routes"]

app = falcon.App()
settings_like = [n for n in dir(app) if any(w in n.lower() for w in ("config", "setting", "env"))]
print("App options:", [n for n in dir(app) if n.endswith("_options")], "| settings-like attributes:", settings_like)
assert settings_like == []  # only framework behaviour: req_options/resp_options

pathlib.Path("probe_app.py").write_text(
    "import falcon\n\nclass Notes:\n    def on_get(self, req, resp):\n        pass\n\n"
    "app = falcon.App()\napp.add_route('/notes', Notes())\n"
)
bindir = os.path.dirname(sys.executable)
env = {**os.environ, "PYTHONPATH": os.getcwd()}
out = subprocess.run(
    [os.path.join(bindir, "falcon-inspect-app"), "probe_app:app"], capture_output=True, text=True, env=env
)
print("falcon-inspect-app:", out.stdout.strip())
assert "/notes" in out.stdout and "on_get" in out.stdout
for script in ("falcon-inspect-app", "falcon-print-routes", "falcon-bench"):
    helptext = subprocess.run([os.path.join(bindir, script), "--help"], capture_output=True, text=True).stdout
    runs = [w for w in ("--bind", "--port", "--host", "--reload", "runserver", "startproject") if w in helptext]
    print(script, "--help offers serving/scaffolding options:", runs)
    assert runs == []
