"""Starlette: Config reads env vars and .env with casts, defaults, a prefix and Secret; no command-line tool."""

FRAMEWORK = "starlette"
CRITERION = "configuration-and-cli"
SHOWS = "claim"
REQUIRES = []

import importlib.metadata
import importlib.util
import os
import pathlib

from starlette.config import Config, EnvironError, environ
from starlette.datastructures import CommaSeparatedStrings, Secret

pathlib.Path(".env").write_text(
    "DEBUG=true\nDATABASE_URL=sqlite:///dev.db\nSECRET_KEY=s3cr3t\nHOSTS=a.example, b.example\n"
)
os.environ["DATABASE_URL"] = "postgresql://db/prod"  # environment variables win over .env
os.environ["APP_WORKERS"] = "4"

config = Config(".env")
DEBUG = config("DEBUG", cast=bool, default=False)
DATABASE_URL = config("DATABASE_URL")
SECRET_KEY = config("SECRET_KEY", cast=Secret)
HOSTS = config("HOSTS", cast=CommaSeparatedStrings)
PAGE_SIZE = config("PAGE_SIZE", cast=int, default=20)
WORKERS = Config(env_prefix="APP_")("WORKERS", cast=int)
print("values:", DEBUG, DATABASE_URL, repr(SECRET_KEY), list(HOSTS), PAGE_SIZE, WORKERS)
assert (DEBUG, DATABASE_URL, str(SECRET_KEY), list(HOSTS)) == (
    True,
    "postgresql://db/prod",
    "s3cr3t",
    ["a.example", "b.example"],
)
assert repr(SECRET_KEY) == "Secret('**********')" and (PAGE_SIZE, WORKERS) == (20, 4)
try:
    config("MISSING")
    raise AssertionError("a missing key without default should raise")
except KeyError as exc:
    print("missing key:", exc)

environ["TESTING"] = "1"  # tests override settings through starlette.config.environ before they are read
Config()("DATABASE_URL")
try:
    environ["DATABASE_URL"] = "sqlite:///test.db"
    raise AssertionError("overriding an already-read value should raise")
except EnvironError as exc:
    print("override after read:", exc)

scripts = [ep.name for ep in importlib.metadata.distribution("starlette").entry_points]
print(
    "console scripts / entry points:", scripts, "| starlette.__main__:", importlib.util.find_spec("starlette.__main__")
)
assert scripts == [] and importlib.util.find_spec("starlette.__main__") is None
