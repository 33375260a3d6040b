"""Litestar: with the SQLAlchemy plugin, `litestar database` commands create and apply Alembic migrations."""

FRAMEWORK = "litestar"
CRITERION = "migrations"
SHOWS = "claim"
REQUIRES = ["advanced-alchemy==1.12.0", "alembic==1.20.1", "sqlalchemy==2.1.9"]

import os
import pathlib
import sqlite3
import subprocess
import sys

APP = """
from litestar import Litestar
from litestar.plugins.sqlalchemy import SQLAlchemyPlugin, SQLAlchemySyncConfig
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Note(Base):
    __tablename__ = "note"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(80))


config = SQLAlchemySyncConfig(connection_string="sqlite:///probe.sqlite", metadata=Base.metadata)
app = Litestar(plugins=[SQLAlchemyPlugin(config=config)])
"""
pathlib.Path("probe_app.py").write_text(APP)
env = {**os.environ, "PYTHONPATH": os.getcwd(), "COLUMNS": "200"}


def cli(*args):
    cmd = [sys.executable, "-m", "litestar", "--app", "probe_app:app", "database", *args, "--no-prompt"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=40, env=env)
    print("$ litestar database", " ".join(args), "->", done.returncode, (done.stdout + done.stderr)[-300:].strip())
    assert done.returncode == 0
    return done


cli("init", "migrations")
cli("make-migrations", "-m", "create note")
revisions = [p for p in pathlib.Path("migrations/versions").glob("*.py") if p.name != "__init__.py"]
print("revision files:", [p.name for p in revisions])
assert len(revisions) == 1 and "op.create_table('note'" in revisions[0].read_text().replace('"', "'")
cli("upgrade")
tables = {r[0] for r in sqlite3.connect("probe.sqlite").execute("select name from sqlite_master where type='table'")}
print("tables after upgrade:", sorted(tables))
assert "note" in tables and any(t.startswith("alembic_version") for t in tables)
