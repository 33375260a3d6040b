"""Pyramid: pyramid.testing provides testConfig() and DummyRequest so views can be unit-tested without a server."""

FRAMEWORK = "pyramid"
CRITERION = "testing-support"
SHOWS = "presence"
REQUIRES = []

from pyramid import testing
from pyramid.httpexceptions import HTTPForbidden


def greet(request):
    if request.authenticated_userid is None:
        raise HTTPForbidden()
    return {"greeting": f"hello {request.authenticated_userid}", "next": request.route_path("home")}


request = testing.DummyRequest(params={"x": "1"})
with testing.testConfig(request=request) as config:
    config.add_route("home", "/home")
    try:
        greet(request)
        anonymous = "allowed"
    except HTTPForbidden:
        anonymous = "403"
    config.testing_securitypolicy(userid="ann")
    result = greet(request)
print("anonymous:", anonymous, "| with testing_securitypolicy:", result, "| DummyRequest.params:", dict(request.params))
assert anonymous == "403" and result == {"greeting": "hello ann", "next": "/home"}
