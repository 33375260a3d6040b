"""Django: django.test gives a test database with per-test rollback, clients, RequestFactory and a live server."""

FRAMEWORK = "django"
CRITERION = "testing-support"
SHOWS = "presence"
REQUIRES = []

import unittest
import urllib.request

import django
from django.conf import settings

settings.configure(
    SECRET_KEY="probe",
    ROOT_URLCONF=__name__,
    STATIC_URL="static/",
    INSTALLED_APPS=["django.contrib.auth", "django.contrib.contenttypes"],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "probe.sqlite3"}},
)
django.setup()

from django.contrib.auth.models import Group
from django.http import HttpResponse
from django.test import AsyncClient, LiveServerTestCase, RequestFactory, TestCase
from django.test.runner import DiscoverRunner
from django.urls import path


def count(request):
    return HttpResponse(f"groups={Group.objects.count()}")


urlpatterns = [path("count/", count)]


class IsolationTests(TestCase):
    def test_1_writes(self):
        Group.objects.create(name="temp")
        self.assertContains(self.client.get("/count/"), "groups=1")

    def test_2_sees_clean_database(self):
        with self.assertNumQueries(1):
            self.assertEqual(count(RequestFactory().get("/count/")).content, b"groups=0")

    async def test_3_async_client(self):
        response = await AsyncClient().get("/count/")
        self.assertEqual(response.status_code, 200)


class LiveTests(LiveServerTestCase):
    def test_live_server(self):
        with urllib.request.urlopen(self.live_server_url + "/count/") as reply:  # noqa: S310 (loopback)
            self.assertEqual(reply.read(), b"groups=0")


runner = DiscoverRunner(verbosity=0)
runner.setup_test_environment()
old = runner.setup_databases()
print("test database:", settings.DATABASES["default"]["NAME"])
loader = unittest.TestLoader()
suite = unittest.TestSuite([loader.loadTestsFromTestCase(IsolationTests), loader.loadTestsFromTestCase(LiveTests)])
result = unittest.TextTestRunner(verbosity=2).run(suite)
runner.teardown_databases(old)
runner.teardown_test_environment()
print("ran:", result.testsRun, "failures:", len(result.failures), "errors:", len(result.errors))
assert result.wasSuccessful() and result.testsRun == 4
