"""Django: makemigrations writes migration files, migrate applies and reverses them, squashmigrations condenses them."""

FRAMEWORK = "django"
CRITERION = "migrations"
SHOWS = "presence"
REQUIRES = []

import os
import sqlite3
import subprocess
import sys
import tempfile

import django.db.models  # noqa: F401 - a release that does not import on this Python is an error, not a failure

root = tempfile.mkdtemp()
os.makedirs(os.path.join(root, "inventory"))
open(os.path.join(root, "inventory", "__init__.py"), "w").close()
with open(os.path.join(root, "probe_settings.py"), "w") as f:
    f.write(
        "SECRET_KEY = 'probe'\nINSTALLED_APPS = ['inventory']\n"
        "DEFAULT_AUTO_FIELD = 'django.db.models.AutoField'\n"
        "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}}\n"
    )
MODEL = "from django.db import models\n\nclass Item(models.Model):\n    name = models.CharField(max_length=30)\n"
env = dict(os.environ, PYTHONPATH=root, DJANGO_SETTINGS_MODULE="probe_settings")


def write_models(extra=""):
    with open(os.path.join(root, "inventory", "models.py"), "w") as f:
        f.write(MODEL + extra)


def django_admin(*args):
    done = subprocess.run([sys.executable, "-m", "django", *args], cwd=root, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def columns():
    with sqlite3.connect(os.path.join(root, "db.sqlite3")) as db:
        return [row[1] for row in db.execute("PRAGMA table_info(inventory_item)")]


write_models()
django_admin("makemigrations", "inventory")
django_admin("migrate")
print("after 0001:", columns())
write_models("    price = models.IntegerField(default=0)\n")
print("makemigrations detects the new field:", django_admin("makemigrations", "inventory").split("\n")[1].strip())
print("files:", sorted(f for f in os.listdir(os.path.join(root, "inventory", "migrations")) if f.endswith(".py")))
sql = django_admin("sqlmigrate", "inventory", "0002")
assert "price" in sql
django_admin("migrate")
print("after 0002:", columns())
assert columns() == ["id", "name", "price"]
django_admin("migrate", "inventory", "0001")
print("after reversing to 0001:", columns())
assert columns() == ["id", "name"]
django_admin("squashmigrations", "inventory", "0002", "--noinput")
squashed = [f for f in os.listdir(os.path.join(root, "inventory", "migrations")) if "squashed" in f]
print("squashed:", squashed)
assert squashed
