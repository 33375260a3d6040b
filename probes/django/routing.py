"""Django: path() converters (built-in and custom), include() with namespaces, and reverse()."""

FRAMEWORK = "django"
CRITERION = "routing"
SHOWS = "presence"
REQUIRES = []

import sys
import types
import uuid

import django
from django.conf import settings

settings.configure(SECRET_KEY="probe", ALLOWED_HOSTS=["testserver"], ROOT_URLCONF=__name__)
django.setup()

from django.http import JsonResponse
from django.test import Client
from django.urls import include, path, re_path, register_converter, reverse


class YearConverter:
    regex = "[0-9]{4}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{value:04d}"


register_converter(YearConverter, "yyyy")


def show(request, **kwargs):
    return JsonResponse({k: [type(v).__name__, str(v)] for k, v in kwargs.items()})


# A reusable "blog" URLconf mounted under a prefix with a namespace.
blog = types.ModuleType("blog_urls")
blog.app_name = "blog"
blog.urlpatterns = [
    path("<int:pk>/<slug:slug>/", show, name="post"),
    path("archive/<yyyy:year>/", show, name="archive"),
    path("files/<path:rest>", show, name="file"),
    path("by-uuid/<uuid:key>/", show, name="by-uuid"),
    re_path(r"^legacy/(?P<code>[A-Z]{3})/$", show, name="legacy"),
]
sys.modules["blog_urls"] = blog
urlpatterns = [path("blog/", include("blog_urls", namespace="blog"))]

client = Client()
key = uuid.uuid4()
checks = {
    "/blog/7/hello-world/": {"pk": ["int", "7"], "slug": ["str", "hello-world"]},
    "/blog/archive/2024/": {"year": ["int", "2024"]},
    "/blog/files/a/b/c.txt": {"rest": ["str", "a/b/c.txt"]},
    f"/blog/by-uuid/{key}/": {"key": ["UUID", str(key)]},
    "/blog/legacy/ABC/": {"code": ["str", "ABC"]},
}
for url, expected in checks.items():
    got = client.get(url).json()
    print(url, "->", got)
    assert got == expected
print("non-int pk:", client.get("/blog/x/hello/").status_code)
assert client.get("/blog/x/hello/").status_code == 404

reversed_urls = [reverse("blog:post", args=[3, "abc"]), reverse("blog:archive", kwargs={"year": 999})]
print("reverse():", reversed_urls)
assert reversed_urls == ["/blog/3/abc/", "/blog/archive/0999/"]
