"""Flask: no migrations in core; Flask-Migrate adds `flask db` commands that create and apply an Alembic migration."""

FRAMEWORK = "flask"
CRITERION = "migrations"
SHOWS = "claim"
REQUIRES = ["Flask-Migrate==4.1.0", "Flask-SQLAlchemy==3.1.1", "SQLAlchemy==2.1.9", "alembic==1.20.1"]

import os
import sqlite3

from flask import Flask
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db_path = os.path.abspath("probe.sqlite")
app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{db_path}"
db = SQLAlchemy(app)


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    text = db.Column(db.String(200))


runner = app.test_cli_runner()
print("without Flask-Migrate, `flask db`:", runner.invoke(args=["db", "--help"]).exit_code)
assert runner.invoke(args=["db", "--help"]).exit_code != 0

Migrate(app, db)
for args in (["db", "init"], ["db", "migrate", "-m", "add notes"], ["db", "upgrade"]):
    result = runner.invoke(args=args)
    print(" ".join(args), "->", result.exit_code)
    assert result.exit_code == 0, result.output

versions = os.listdir("migrations/versions")
tables = {r[0] for r in sqlite3.connect(db_path).execute("select name from sqlite_master where type='table'")}
print("migration files:", versions, "| tables:", sorted(tables))
assert any(v.endswith("_add_notes.py") for v in versions)
assert {"note", "alembic_version"} <= tables
