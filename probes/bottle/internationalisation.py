"""Bottle: no translation, catalogues, language selection or locale formatting; templates get no _() built in."""

FRAMEWORK = "bottle"
CRITERION = "internationalisation"
SHOWS = "claim"
REQUIRES = []

import importlib.metadata
import inspect
import re

import bottle

source = inspect.getsource(bottle)
words = ("gettext", "babel", "locale", "i18n", "l10n", "accept-language", "accept_language")
found = {w: len(re.findall(re.escape(w), source, re.IGNORECASE)) for w in words}
files = [str(f) for f in importlib.metadata.files("bottle") if str(f).endswith((".py", ".po", ".mo"))]
print("i18n words in bottle.py:", found, "| shipped files:", files)
assert not any(found.values())
assert not [f for f in files if f.endswith((".po", ".mo"))]
assert not [n for n in dir(bottle) if any(w in n.lower() for w in ("lang", "locale", "translat", "gettext"))]

# What a project writes itself: SimpleTemplate has no translation function of its own.
try:
    bottle.template("{{ _('Hello') }}")
except NameError as exc:
    print("template calling _():", type(exc).__name__, exc)
else:
    raise AssertionError("SimpleTemplate provided a _() function")
print("with a hand-made _():", bottle.template("{{ _('Hello') }}", _={"Hello": "Bonjour"}.get))
