"""Litestar: a Click CLI (run, info, routes, schema, sessions) that plugins extend; no settings loader for the app."""

FRAMEWORK = "litestar"
CRITERION = "configuration-and-cli"
SHOWS = "claim"
REQUIRES = ["httpx==0.27.2"]  # older releases' test clients pass app=, which httpx 0.28 removed

import os
import re
import sys
from pathlib import Path

from click.testing import CliRunner

Path("shop.py").write_text("""
import click
from litestar import Litestar, get
from litestar.plugins import CLIPluginProtocol

class SeedPlugin(CLIPluginProtocol):
    def on_cli_init(self, cli):
        @cli.command()
        @click.argument("count", type=int)
        def seed(app: Litestar, count: int):  # receives the loaded app
            click.echo(f"seeded {count} rows; app serves /items: {'/items' in app.route_handler_method_map}")

@get("/items", sync_to_thread=False)
def items() -> list:
    return []

app = Litestar([items], plugins=[SeedPlugin()])
""")
sys.path.insert(0, os.getcwd())
from litestar.cli.main import litestar_group

runner = CliRunner()
cli_help = runner.invoke(litestar_group, ["--app", "shop:app", "--help"]).output
commands = re.findall(r"^│ ([a-z]+) {2,}", cli_help, re.M)
print("litestar commands:", commands)
assert {"run", "info", "routes", "schema", "sessions", "seed"} <= set(commands)
seeded = runner.invoke(litestar_group, ["--app", "shop:app", "seed", "3"])
routes = runner.invoke(litestar_group, ["--app", "shop:app", "routes"])
print("litestar seed 3:", seeded.output.strip(), "| routes lists /items:", "/items" in routes.output)
assert seeded.output.strip() == "seeded 3 rows; app serves /items: True" and "/items" in routes.output

import litestar
import shop

words = ("settings", "from_env", "from_file", "from_object", "dotenv")
settings_like = [a for a in dir(shop.app) + dir(litestar) if any(w in a.lower() for w in words)]
print("settings loaders on Litestar or its app:", settings_like)
assert not settings_like, "configuration is constructor arguments and config objects, nothing loads settings"
