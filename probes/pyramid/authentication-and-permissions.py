"""Pyramid: a security policy with auth tickets and ACLs gates a view; no user or password layer ships."""

FRAMEWORK = "pyramid"
CRITERION = "authentication-and-permissions"
SHOWS = "claim"
REQUIRES = []

import pkgutil

import pyramid
from pyramid.authentication import AuthTktCookieHelper
from pyramid.authorization import ACLHelper, Allow, Authenticated
from pyramid.config import Configurator
from pyramid.security import remember
from webob import Request


class Policy:
    def __init__(self):
        self.cookies = AuthTktCookieHelper(secret="probe-secret")
        self.acl = ACLHelper()

    def identity(self, request):
        return self.cookies.identify(request)

    def authenticated_userid(self, request):
        identity = self.identity(request)
        return identity["userid"] if identity else None

    def permits(self, request, context, permission):
        principals = [Authenticated] if self.authenticated_userid(request) else []
        return self.acl.permits(context, principals, permission)

    def remember(self, request, userid, **kw):
        return self.cookies.remember(request, userid, **kw)

    def forget(self, request, **kw):
        return self.cookies.forget(request, **kw)


class Root:
    __acl__ = [(Allow, Authenticated, "edit")]

    def __init__(self, request):
        pass


def login(request):
    request.response.headerlist.extend(remember(request, "ann"))
    return "logged in"


with Configurator(root_factory=Root) as config:
    config.set_security_policy(Policy())
    config.add_route("login", "/login")
    config.add_route("edit", "/edit")
    config.add_view(login, route_name="login", renderer="string")
    config.add_view(
        lambda request: f"editing as {request.authenticated_userid}",
        route_name="edit",
        renderer="string",
        permission="edit",
    )
    app = config.make_wsgi_app()

print("anonymous /edit:", Request.blank("/edit").get_response(app).status)
assert Request.blank("/edit").get_response(app).status_int == 403
cookie = Request.blank("/login").get_response(app).headers["Set-Cookie"].split(";")[0]
edited = Request.blank("/edit", headers={"Cookie": cookie}).get_response(app)
print("with auth ticket:", edited.status, edited.text)
assert edited.status_int == 200 and edited.text == "editing as ann"

modules = [m.name for m in pkgutil.walk_packages(pyramid.__path__, "pyramid.")]
account_layer = [m for m in modules if any(w in m for w in ("user", "passw", "hash", "account", "login"))]
print("user/password modules in pyramid:", account_layer)
assert account_layer == []
