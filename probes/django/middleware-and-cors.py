"""Django: MIDDLEWARE wraps every view, core sends no CORS headers, and django-cors-headers answers preflights."""

FRAMEWORK = "django"
CRITERION = "middleware-and-cors"
SHOWS = "claim"
REQUIRES = ["django-cors-headers==4.9.0"]

import django
from django.conf import settings

settings.configure(
    SECRET_KEY="probe",
    ALLOWED_HOSTS=["testserver"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=["corsheaders"],
    MIDDLEWARE=[f"{__name__}.timing"],
    CORS_ALLOWED_ORIGINS=["https://app.example"],
    CORS_URLS_REGEX=r"^/api/.*$",
)
django.setup()

from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path
from django.views.decorators.csrf import csrf_exempt


def timing(get_response):  # a middleware factory: runs around every view
    def middleware(request):
        response = get_response(request)
        response["X-Wrapped"] = "yes"
        return response

    return middleware


@csrf_exempt
def api(request):
    return HttpResponse("data")


urlpatterns = [path("api/items", api), path("page", api)]
PREFLIGHT = {"HTTP_ORIGIN": "https://app.example", "HTTP_ACCESS_CONTROL_REQUEST_METHOD": "POST"}

r = Client().post("/api/items")
pre = Client().options("/api/items", **PREFLIGHT)
print(
    "own middleware:",
    r.status_code,
    r["X-Wrapped"],
    "| core preflight:",
    pre.status_code,
    pre.get("Access-Control-Allow-Origin"),
)
assert r["X-Wrapped"] == "yes" and not pre.has_header("Access-Control-Allow-Origin")

with override_settings(MIDDLEWARE=["corsheaders.middleware.CorsMiddleware", f"{__name__}.timing"]):
    client = Client()
    pre = client.options("/api/items", **PREFLIGHT)
    got = {k: v for k, v in pre.headers.items() if k.startswith("access-control")}
    print("django-cors-headers preflight:", pre.status_code, got)
    assert pre.status_code == 200 and got["access-control-allow-origin"] == "https://app.example"
    assert "POST" in got["access-control-allow-methods"]
    allowed = client.post("/api/items", HTTP_ORIGIN="https://app.example")
    other = client.post("/api/items", HTTP_ORIGIN="https://evil.example")
    outside = client.get("/page", HTTP_ORIGIN="https://app.example")  # CORS_URLS_REGEX limits it to /api/
    print(
        "allowed:",
        allowed.get("Access-Control-Allow-Origin"),
        "| other origin:",
        other.get("Access-Control-Allow-Origin"),
        "| outside /api/:",
        outside.get("Access-Control-Allow-Origin"),
    )
    assert allowed["Access-Control-Allow-Origin"] == "https://app.example" and allowed["X-Wrapped"] == "yes"
    assert not other.has_header("Access-Control-Allow-Origin") and not outside.has_header("Access-Control-Allow-Origin")
