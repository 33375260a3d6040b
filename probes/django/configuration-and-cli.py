"""Django: settings come from the DJANGO_SETTINGS_MODULE module; manage.py scaffolds, runs and finds app commands."""

FRAMEWORK = "django"
CRITERION = "configuration-and-cli"
SHOWS = "claim"
REQUIRES = []

import io
import os
import pathlib
import subprocess
import sys
import tempfile

root = pathlib.Path(tempfile.mkdtemp())
django_admin = [sys.executable, "-m", "django"]
subprocess.run([*django_admin, "startproject", "site_cfg", str(root)], check=True)
subprocess.run([sys.executable, "manage.py", "startapp", "notes"], cwd=root, check=True)
print("scaffolded:", sorted(p.name for p in root.iterdir()), sorted(p.name for p in (root / "notes").iterdir()))
assert (root / "manage.py").exists() and (root / "notes" / "models.py").exists()

commands = root / "notes" / "management" / "commands"
commands.mkdir(parents=True)
(commands.parent / "__init__.py").write_text("")
(commands / "__init__.py").write_text("")
(commands / "greet.py").write_text(
    "from django.conf import settings\nfrom django.core.management.base import BaseCommand\n\n"
    "class Command(BaseCommand):\n    help = 'Greets from a project command.'\n\n"
    "    def add_arguments(self, parser):\n        parser.add_argument('name')\n\n"
    "    def handle(self, *args, **options):\n"
    "        self.stdout.write(f\"hello {options['name']} from {settings.PROBE_SITE_NAME}\")\n"
)
settings_py = root / "site_cfg" / "settings.py"
settings_py.write_text(
    settings_py.read_text().replace("INSTALLED_APPS = [", "INSTALLED_APPS = [\n    'notes',", 1)
    + "\nimport os\nPROBE_SITE_NAME = os.environ.get('PROBE_SITE_NAME', 'default')\n"
)

env = {**os.environ, "PROBE_SITE_NAME": "from-env"}
helptext = subprocess.run(
    [sys.executable, "manage.py", "help"], cwd=root, capture_output=True, text=True, env=env
).stdout
listed = [c for c in ("runserver", "migrate", "shell", "collectstatic", "greet", "startapp") if c in helptext]
print("manage.py help lists:", listed, "| [notes] section:", "[notes]" in helptext)
assert listed == ["runserver", "migrate", "shell", "collectstatic", "greet", "startapp"] and "[notes]" in helptext
greet = subprocess.run([sys.executable, "manage.py", "greet", "ada"], cwd=root, capture_output=True, text=True, env=env)
print("manage.py greet ada:", greet.stdout.strip(), greet.stderr.strip())
assert greet.stdout.strip() == "hello ada from from-env"

sys.path.insert(0, str(root))
os.environ.update(DJANGO_SETTINGS_MODULE="site_cfg.settings", PROBE_SITE_NAME="in-process")
import django

django.setup()
from django.conf import settings
from django.core.management import call_command

print("settings module:", settings.SETTINGS_MODULE, "| default kept:", settings.DEFAULT_CHARSET)
out = io.StringIO()
call_command("greet", "bob", stdout=out)
print("call_command('greet', 'bob'):", out.getvalue().strip())
assert settings.SETTINGS_MODULE == "site_cfg.settings" and out.getvalue().strip() == "hello bob from in-process"
