"""Pyramid + Deform/Colander: a schema renders as a form; invalid input is re-rendered with errors."""

FRAMEWORK = "pyramid"
CRITERION = "forms"
SHOWS = "claim"
REQUIRES = ["deform==3.0.1"]

import colander
import deform
from pyramid.config import Configurator
from webob import Request


class Signup(colander.MappingSchema):
    email = colander.SchemaNode(colander.String(), validator=colander.Email())
    age = colander.SchemaNode(colander.Integer(), validator=colander.Range(min=18))


def signup(request):
    form = deform.Form(Signup(), buttons=("submit",))
    if request.method == "POST":
        try:
            data = form.validate(request.POST.items())
        except deform.ValidationFailure as failure:
            request.response.status = 400
            return failure.render()
        return f"welcome {data['email']}, {data['age']}"
    return form.render()


with Configurator() as config:
    config.add_route("signup", "/signup")
    config.add_view(signup, route_name="signup", renderer="string")
    app = config.make_wsgi_app()

blank = Request.blank("/signup").get_response(app)
print("GET:", blank.status, "<form" in blank.text, 'name="email"' in blank.text)
assert "<form" in blank.text and 'name="email"' in blank.text
bad = Request.blank("/signup", POST={"email": "not-an-email", "age": "12", "submit": "submit"}).get_response(app)
print("invalid POST:", bad.status, "keeps input:", "not-an-email" in bad.text, "errors:", bad.text.count("error-"))
assert bad.status_int == 400 and "not-an-email" in bad.text and "Invalid email address" in bad.text
good = Request.blank("/signup", POST={"email": "ann@example.com", "age": "30", "submit": "submit"}).get_response(app)
print("valid POST:", good.status, good.text)
assert good.text == "welcome ann@example.com, 30"
