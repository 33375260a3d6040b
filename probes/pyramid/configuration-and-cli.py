"""Pyramid: .ini settings reach the app (PYRAMID_* env vars override); proutes/prequest inspect it; bootstrap()."""

FRAMEWORK = "pyramid"
CRITERION = "configuration-and-cli"
SHOWS = "claim"
REQUIRES = []

import os
import subprocess
import sys
from pathlib import Path

SHOP_INI = """
[app:main]
use = call:shopapp:main
pyramid.reload_templates = false
shop.page_size = 25
shop.beta = true
"""

Path("development.ini").write_text(SHOP_INI)
Path("shopapp.py").write_text("""
from pyramid.config import Configurator

def main(global_config, **settings):
    with Configurator(settings=settings) as config:
        config.add_route("items", "/items")
        config.add_view(lambda r: "items", route_name="items", renderer="string")
        return config.make_wsgi_app()
""")
sys.path.insert(0, os.getcwd())
os.environ["PYRAMID_RELOAD_TEMPLATES"] = "true"

from pyramid.paster import bootstrap
from pyramid.settings import asbool

with bootstrap("development.ini") as env:  # what a project's console script does
    settings = env["registry"].settings
    print(
        "settings from the .ini:", {k: settings[k] for k in ("shop.page_size", "shop.beta", "pyramid.reload_templates")}
    )
    assert settings["shop.page_size"] == "25" and asbool(settings["shop.beta"]) is True, "app keys stay strings"
    assert settings["pyramid.reload_templates"] is True, "PYRAMID_RELOAD_TEMPLATES overrode the file's false"
    print("request.route_url in a script:", env["request"].route_url("items"))

bin_dir = os.path.dirname(sys.executable)
env = dict(os.environ, PYTHONPATH=os.getcwd())
scripts = sorted(
    n
    for n in os.listdir(bin_dir)
    if n in ("pserve", "pshell", "proutes", "pviews", "ptweens", "prequest", "pdistreport")
)
print("p-scripts installed:", scripts)
assert scripts == ["pdistreport", "prequest", "proutes", "pserve", "pshell", "ptweens", "pviews"]
routes = subprocess.run(
    [os.path.join(bin_dir, "proutes"), "development.ini"], env=env, capture_output=True, text=True, timeout=30
)
body = subprocess.run(
    [os.path.join(bin_dir, "prequest"), "development.ini", "/items"],
    env=env,
    capture_output=True,
    text=True,
    timeout=30,
)
print("proutes:", *routes.stdout.strip().splitlines(), sep="\n  ")
print("prequest development.ini /items ->", body.stdout.strip())
assert (
    any(line.split()[:2] == ["items", "/items"] for line in routes.stdout.splitlines())
    and body.stdout.strip() == "items"
)
