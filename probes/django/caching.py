"""Django: a cache API with shipped backends, cache_page, {% cache %} fragments and ETag/304 helpers."""

FRAMEWORK = "django"
CRITERION = "caching"
SHOWS = "claim"
REQUIRES = []

import django
from django.conf import settings

settings.configure(
    SECRET_KEY="probe",
    ALLOWED_HOSTS=["testserver"],
    ROOT_URLCONF=__name__,
    CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
    TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates"}],
)
django.setup()

from django.core.cache import cache
from django.http import HttpResponse
from django.template import engines
from django.test import Client
from django.urls import path
from django.utils.module_loading import import_string
from django.views.decorators.cache import cache_control, cache_page
from django.views.decorators.http import etag

calls = []
backends = ["redis.RedisCache", "memcached.PyMemcacheCache", "db.DatabaseCache", "filebased.FileBasedCache"]
print("shipped backends:", [import_string(f"django.core.cache.backends.{b}").__name__ for b in backends])

cache.set("answer", 42, timeout=30)
print("low-level API:", cache.get("answer"), cache.get_or_set("x", lambda: "computed"), cache.incr("answer"))
assert cache.get("answer") == 43 and cache.get("x") == "computed"


@cache_page(60)
def report(request):
    calls.append("report")
    return HttpResponse(f"report #{len(calls)}")


@etag(lambda request: "v42")
@cache_control(max_age=60, public=True)
def article(request):
    return HttpResponse("article")


urlpatterns = [path("report", report), path("article", article)]
client = Client()
bodies = [client.get("/report").content.decode() for _ in range(2)]
print("cache_page:", bodies, "| view calls:", len(calls))
assert bodies == ["report #1", "report #1"] and len(calls) == 1

r = client.get("/article")
again = client.get("/article", HTTP_IF_NONE_MATCH=r["ETag"])
print("etag:", r["ETag"], r["Cache-Control"], "-> conditional:", again.status_code)
assert again.status_code == 304 and "max-age=60" in r["Cache-Control"]

tpl = engines["django"].from_string("{% load cache %}{% cache 60 sidebar %}{{ n }}{% endcache %}")
fragments = [tpl.render({"n": n}) for n in (1, 2)]
print("fragment cache:", fragments)
assert fragments == ["1", "1"]
