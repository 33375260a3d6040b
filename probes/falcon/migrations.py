"""Falcon: no migration tool in core; Alembic, used directly, migrates the SQLite schema a Falcon app reads."""

FRAMEWORK = "falcon"
CRITERION = "migrations"
SHOWS = "claim"
REQUIRES = ["alembic==1.20.1", "SQLAlchemy==2.1.9"]

import os
import pkgutil

import falcon
import falcon.testing
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

modules = pkgutil.walk_packages(falcon.__path__, "falcon.")
# falcon.bench ships sample apps (one of them a Django app) used only for benchmarking
core = [m.name for m in modules if "migrat" in m.name and not m.name.startswith("falcon.bench.")]
print("migration modules in falcon:", core)
assert core == []

url = f"sqlite:///{os.path.abspath('probe.sqlite')}"
cfg = Config("alembic.ini")
cfg.set_main_option("script_location", os.path.abspath("migrations"))
cfg.set_main_option("sqlalchemy.url", url)
command.init(cfg, "migrations")
rev = command.revision(cfg, message="create notes")
with open(rev.path) as fh:
    text = fh.read()
create = "op.create_table('notes', sa.Column('id', sa.Integer, primary_key=True), sa.Column('text', sa.String))"
text = text.replace("def upgrade() -> None:\n", f"def upgrade() -> None:\n    {create}\n")
with open(rev.path, "w") as fh:
    fh.write(text)
command.upgrade(cfg, "head")

engine = sa.create_engine(url)


class Notes:
    def on_get(self, req, resp):
        with engine.connect() as conn:
            resp.media = {"columns": [c["name"] for c in sa.inspect(conn).get_columns("notes")]}


app = falcon.App()
app.add_route("/notes", Notes())
result = falcon.testing.TestClient(app).simulate_get("/notes")
print("after alembic upgrade head:", result.status, result.json)
assert result.json == {"columns": ["id", "text"]}
