"""Tornado: tornado.options parses typed options from argv and config files (not env); no tornado command."""

FRAMEWORK = "tornado"
CRITERION = "configuration-and-cli"
SHOWS = "claim"
REQUIRES = []

import importlib.metadata
import importlib.util
import io
import os
import pathlib

from tornado.options import Error, OptionParser
from tornado.web import Application

options = OptionParser()
options.define("port", default=8000, type=int, help="port to listen on")
options.define("debug", default=False, type=bool, group="dev")
options.define("hosts", default=[], type=str, multiple=True)
options.define("db_url", default="sqlite:///dev.db", type=str)

pathlib.Path("prod.conf").write_text('db_url = "postgresql://db/prod"\nport = 9000\n')
os.environ["PORT"] = os.environ["DB_URL"] = "ignored"  # environment variables are not read
options.parse_config_file("prod.conf", final=False)
rest = options.parse_command_line(["app.py", "--port=8443", "--debug", "--hosts=a.example,b.example", "extra"])
got = {name: options[name] for name in ("port", "debug", "hosts", "db_url")}
print("options:", got, "| leftover args:", rest)
assert got == {"port": 8443, "debug": True, "hosts": ["a.example", "b.example"], "db_url": "postgresql://db/prod"}
try:
    options.parse_command_line(["app.py", "--port=abc"])
    raise AssertionError("a non-integer port should be refused")
except (Error, ValueError) as exc:
    print("typed:", exc)
help_text = io.StringIO()
options.print_help(help_text)
assert "--port" in help_text.getvalue() and "port to listen on" in help_text.getvalue()

app = Application([], debug=options.debug, cookie_secret="s")  # framework behaviour: keyword settings
print("Application settings:", app.settings)
assert app.settings["autoreload"] is True and app.settings["cookie_secret"] == "s"

scripts = [ep.name for ep in importlib.metadata.distribution("tornado").entry_points]
runnable = {m: importlib.util.find_spec(m) is not None for m in ("tornado.__main__", "tornado.autoreload")}
print("entry points:", scripts, "| python -m targets:", runnable)
assert scripts == [] and runnable == {"tornado.__main__": False, "tornado.autoreload": True}
