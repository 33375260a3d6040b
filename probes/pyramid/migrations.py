"""Pyramid + Alembic: alembic -c development.ini reads the app's settings, autogenerates and applies a revision."""

FRAMEWORK = "pyramid"
CRITERION = "migrations"
SHOWS = "claim"
REQUIRES = ["alembic==1.20.1"]

import os
import shutil
import subprocess
import sys
import tempfile

import alembic as alembic_package
import sqlalchemy as sa

root = tempfile.mkdtemp()
os.makedirs(os.path.join(root, "migrations", "versions"))
files = {
    "probe_models.py": (
        "import sqlalchemy as sa\nmetadata = sa.MetaData()\n"
        "notes = sa.Table('notes', metadata, sa.Column('id', sa.Integer, primary_key=True))\n"
        "def main(global_config, **settings):\n    raise NotImplementedError\n"
    ),
    "development.ini": (
        "[app:main]\nuse = call:probe_models:main\n"
        f"sqlalchemy.url = sqlite:///{root}/app.db\n\n"
        "[alembic]\nscript_location = migrations\n"
    ),
    # env.py in the cookiecutter's style: the database URL comes from the Pyramid app settings.
    "migrations/env.py": (
        "from alembic import context\nfrom pyramid.paster import get_appsettings\n"
        "from sqlalchemy import engine_from_config\nfrom probe_models import metadata\n"
        "settings = get_appsettings(context.config.config_file_name)\n"
        "engine = engine_from_config(settings, 'sqlalchemy.')\n"
        "with engine.connect() as connection:\n"
        "    context.configure(connection=connection, target_metadata=metadata)\n"
        "    with context.begin_transaction():\n"
        "        context.run_migrations()\n"
    ),
}
for name, text in files.items():
    with open(os.path.join(root, name), "w") as f:
        f.write(text)
templates = os.path.join(os.path.dirname(alembic_package.__file__), "templates", "generic")
shutil.copy(os.path.join(templates, "script.py.mako"), os.path.join(root, "migrations"))


def alembic(*args):
    cmd = [os.path.join(os.path.dirname(sys.executable), "alembic"), "-c", "development.ini", *args]
    done = subprocess.run(cmd, cwd=root, env=dict(os.environ, PYTHONPATH=root), capture_output=True, text=True)
    print("$ alembic -c development.ini", " ".join(args), "->", done.returncode, done.stderr.strip()[-300:])
    assert done.returncode == 0
    return done


alembic("revision", "--autogenerate", "-m", "create notes")
alembic("upgrade", "head")
tables = sorted(sa.inspect(sa.create_engine(f"sqlite:///{root}/app.db")).get_table_names())
print("tables:", tables)
assert tables == ["alembic_version", "notes"]
