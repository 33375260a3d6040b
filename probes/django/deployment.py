"""Django: startproject writes wsgi.py and asgi.py, check --deploy audits settings, collectstatic gathers assets."""

FRAMEWORK = "django"
CRITERION = "deployment"
SHOWS = "claim"
REQUIRES = []

import os
import re
import subprocess
import sys
import tempfile

root = tempfile.mkdtemp()
subprocess.run([sys.executable, "-m", "django", "startproject", "site_probe", root], check=True)
print("generated:", sorted(os.listdir(os.path.join(root, "site_probe"))))
for name in ("wsgi.py", "asgi.py"):
    assert os.path.exists(os.path.join(root, "site_probe", name)), name

# Ship one static file and a STATIC_ROOT, then run the deployment commands of the generated project.
os.makedirs(os.path.join(root, "assets"))
with open(os.path.join(root, "assets", "app.css"), "w") as f:
    f.write("body { color: teal; }")
with open(os.path.join(root, "site_probe", "settings.py"), "a") as f:
    f.write("\nSTATICFILES_DIRS = [BASE_DIR / 'assets']\nSTATIC_ROOT = BASE_DIR / 'collected'\n")


def manage(*args):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=root, capture_output=True, text=True)


deploy = manage("check", "--deploy")
warnings = sorted(set(re.findall(r"\(security\.(W\d+)\)", deploy.stdout + deploy.stderr)))
print("check --deploy warnings:", warnings)
assert "W004" in warnings and "W018" in warnings  # HSTS unset, DEBUG on

collect = manage("collectstatic", "--noinput")
print("collectstatic:", collect.stdout.strip())
assert os.path.exists(os.path.join(root, "collected", "app.css"))
assert os.path.exists(os.path.join(root, "collected", "admin", "css", "base.css"))

# The generated entry points load and are callables a server can host.
probe = (
    "import site_probe.wsgi as w, site_probe.asgi as a; "
    "print(type(w.application).__name__, type(a.application).__name__)"
)
loaded = subprocess.run([sys.executable, "-c", probe], cwd=root, capture_output=True, text=True)
print("entry points:", loaded.stdout.strip(), loaded.stderr[-300:])
assert loaded.stdout.split() == ["WSGIHandler", "ASGIHandler"]
