"""Pyramid: CSRF is opt-in, cookies are SameSite=Lax without Secure/HttpOnly, no security headers."""

FRAMEWORK = "pyramid"
CRITERION = "security-defaults"
SHOWS = "claim"
REQUIRES = []

from pyramid.authentication import AuthTktCookieHelper
from pyramid.config import Configurator
from pyramid.session import SignedCookieSessionFactory
from webob import Request


def make_app(require_csrf):
    def transfer(request):
        request.session["seen"] = True
        request.response.headerlist.extend(AuthTktCookieHelper("s3cret").remember(request, "ann"))
        return "done"

    with Configurator() as config:
        config.set_session_factory(SignedCookieSessionFactory("s3cret"))
        if require_csrf:
            config.set_default_csrf_options(require_csrf=True)
        config.add_route("transfer", "/transfer")
        config.add_view(transfer, route_name="transfer", renderer="string")
        return config.make_wsgi_app()


attack = {"method": "POST", "POST": {"amount": "100"}, "headers": {"Host": "evil.example"}}
default = Request.blank("/transfer", **attack).get_response(make_app(False))
print("default app, tokenless POST with a foreign Host:", default.status, default.text)
assert default.status_int == 200 and default.text == "done"

cookies = default.headers.getall("Set-Cookie")
for cookie in cookies:
    print("Set-Cookie:", cookie[:20], "...", "; ".join(p.strip() for p in cookie.split(";")[1:]))
assert cookies and all("samesite=lax" in c.lower() for c in cookies)
assert not any("secure" in c.lower() or "httponly" in c.lower() for c in cookies)
added = {"X-Frame-Options", "Strict-Transport-Security", "X-Content-Type-Options", "Content-Security-Policy"}
print("security headers sent:", sorted(added & set(default.headers)))
assert not added & set(default.headers)

protected = Request.blank("/transfer", **attack).get_response(make_app(True))
print("with set_default_csrf_options(require_csrf=True):", protected.status)
assert protected.status_int == 400
