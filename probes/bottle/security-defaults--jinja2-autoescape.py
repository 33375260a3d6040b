"""Bottle: the Jinja2 adapter builds a plain Environment, so {{ }} output is not escaped unless autoescape is passed."""

FRAMEWORK = "bottle"
CRITERION = "security-defaults"
SHOWS = "claim"
REQUIRES = ["Jinja2==3.1.6"]

import bottle

plain = bottle.jinja2_template("{{ x }}", x="<script>")
print("jinja2_template default:", plain)
assert plain == "<script>"
opted_in = bottle.jinja2_template("{{ x }} ", x="<script>", template_settings={"autoescape": True})
print("with template_settings={'autoescape': True}:", opted_in)
assert opted_in.strip() == "&lt;script&gt;"
