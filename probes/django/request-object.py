"""Django: each view receives the HttpRequest as its first argument; RequestFactory builds one without any server."""

FRAMEWORK = "django"
CRITERION = "request-object"
SHOWS = "presence"
REQUIRES = []

import django
from django.conf import settings

settings.configure(SECRET_KEY="probe", ALLOWED_HOSTS=["testserver"], ROOT_URLCONF=__name__)
django.setup()

from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory
from django.urls import path

seen = []


def echo(request):
    seen.append(request)
    parts = [request.method, request.GET["q"], request.POST.get("x", "-"), request.META["HTTP_X_PROBE"]]
    return HttpResponse(" ".join(parts))


urlpatterns = [path("echo/", echo)]

response = Client().post("/echo/?q=search", {"x": "posted"}, HTTP_X_PROBE="header")
print("through the stack:", response.status_code, response.content.decode(), type(seen[0]).__name__)
assert response.content == b"POST search posted header"
assert isinstance(seen[0], HttpRequest)

# No global state is needed: a request built by hand can be passed straight to the view.
direct = echo(RequestFactory().get("/anything/", {"q": "direct"}, HTTP_X_PROBE="h2"))
print("called directly:", direct.content.decode())
assert direct.content == b"GET direct - h2"
