"""Django: staticfiles serves app assets in DEBUG and collectstatic hashes names; uploads spool to disk above 2.5 MB."""

FRAMEWORK = "django"
CRITERION = "static-files-and-uploads"
SHOWS = "claim"
REQUIRES = []

import io
import pathlib
import tempfile

import django
from django.conf import settings

assets = pathlib.Path(tempfile.mkdtemp())
(assets / "app.css").write_text("body { color: red }")
settings.configure(
    DEBUG=True,
    SECRET_KEY="probe",
    ALLOWED_HOSTS=["testserver"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=["django.contrib.staticfiles"],
    STATIC_URL="/static/",
    STATICFILES_DIRS=[str(assets)],
    STATIC_ROOT=tempfile.mkdtemp(),
    STORAGES={"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}},
)
django.setup()

from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.core.management import call_command
from django.http import JsonResponse
from django.templatetags.static import static
from django.test import Client, override_settings
from django.urls import path
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def upload(request):
    f = request.FILES["doc"]
    return JsonResponse({"name": f.name, "size": f.size, "type": f.content_type, "class": type(f).__name__})


urlpatterns = [path("upload", upload), *staticfiles_urlpatterns()]  # what runserver does in DEBUG
client = Client()
r = client.get("/static/app.css")
print("DEBUG static:", r.status_code, r["Content-Type"], b"".join(r.streaming_content))
assert r.status_code == 200

call_command("collectstatic", interactive=False, verbosity=0)
with override_settings(DEBUG=False):
    hashed = static("app.css")
    production_routes = staticfiles_urlpatterns()  # Django leaves serving to the web server when DEBUG is off
print("collectstatic -> STATIC_ROOT:", sorted(p.name for p in pathlib.Path(settings.STATIC_ROOT).iterdir()))
print("{% static 'app.css' %} in production:", hashed)
print("static routes with DEBUG off:", production_routes)
assert production_routes == []
assert hashed.startswith("/static/app.") and hashed.endswith(".css") and hashed != "/static/app.css"

for size in (1024, 3 * 1024 * 1024):
    doc = io.BytesIO(b"x" * size)
    doc.name = "report.pdf"
    got = client.post("/upload", {"doc": doc}).json()
    print(f"upload of {size} bytes:", got)
    assert got["name"] == "report.pdf" and got["size"] == size and got["type"] == "application/pdf"
    expected = "InMemoryUploadedFile" if size < settings.FILE_UPLOAD_MAX_MEMORY_SIZE else "TemporaryUploadedFile"
    assert got["class"] == expected
