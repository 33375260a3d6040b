"""Flask: app.config loads objects, Python/TOML files, FLASK_* variables; the Click `flask` CLI takes new commands."""

FRAMEWORK = "flask"
CRITERION = "configuration-and-cli"
SHOWS = "claim"
REQUIRES = []

import os
import tomllib
from pathlib import Path

import click
from flask import Flask
from flask.cli import FlaskGroup


class Defaults:
    DEBUG_TOOLBAR = False
    PAGE_SIZE = 10


Path("settings.cfg").write_text("PAGE_SIZE = 25\nDB_URL = 'sqlite:///dev.db'\n")
Path("settings.toml").write_text('DB_URL = "postgresql://prod"\n')
os.environ.update(PROBE_SETTINGS=os.path.abspath("settings.cfg"), FLASK_PAGE_SIZE="50", FLASK_FEATURES='{"beta": true}')

app = Flask("probeapp", root_path=os.getcwd())
app.config.from_object(Defaults)
app.config.from_envvar("PROBE_SETTINGS")  # a Python file named by an environment variable
print("from_object + from_envvar:", app.config["PAGE_SIZE"], app.config["DB_URL"])
assert app.config["PAGE_SIZE"] == 25 and app.config["DEBUG_TOOLBAR"] is False
app.config.from_file(os.path.abspath("settings.toml"), load=tomllib.load, text=False)
app.config.from_prefixed_env()  # FLASK_* variables, values parsed as JSON
print(
    "from_file (TOML):", app.config["DB_URL"], "| from_prefixed_env:", app.config["PAGE_SIZE"], app.config["FEATURES"]
)
assert app.config["DB_URL"] == "postgresql://prod"
assert app.config["PAGE_SIZE"] == 50 and app.config["FEATURES"] == {"beta": True}


@app.cli.command("seed")
@click.argument("count", type=int)
def seed(count):
    """Seed the database."""
    click.echo(f"seeded {count} rows into {app.config['DB_URL']}")


app.add_url_rule("/items", "items", lambda: "items")
runner = app.test_cli_runner()
flask_cmd = FlaskGroup(create_app=lambda: app)  # what the `flask` command is, embeddable in a project's own CLI
help_text = runner.invoke(flask_cmd, ["--help"]).output
commands = [line.split()[0] for line in help_text.split("Commands:")[1].splitlines() if line.strip()]
print("flask commands:", commands)
assert {"run", "shell", "routes", "seed"} <= set(commands)
seeded = runner.invoke(flask_cmd, ["seed", "3"])
routes = runner.invoke(flask_cmd, ["routes"])
print("flask seed 3:", seeded.output.strip())
print("flask routes:", routes.output.splitlines()[2:])
assert seeded.output.strip() == "seeded 3 rows into postgresql://prod"
assert any(line.startswith("items") and "/items" in line for line in routes.output.splitlines())
