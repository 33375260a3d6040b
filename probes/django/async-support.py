"""Django: async views and a-prefixed ORM methods work, but transactions are refused in async code."""

FRAMEWORK = "django"
CRITERION = "async-support"
SHOWS = "claim"
REQUIRES = []

import asyncio

import django
from django.conf import settings

settings.configure(
    SECRET_KEY="probe",
    ALLOWED_HOSTS=["testserver"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=["django.contrib.auth", "django.contrib.contenttypes"],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
)
django.setup()

from asgiref.sync import sync_to_async
from django.contrib.auth.models import Group
from django.core.exceptions import SynchronousOnlyOperation
from django.core.management import call_command
from django.db import transaction
from django.http import JsonResponse
from django.test import AsyncClient
from django.urls import path


async def create_group(request):
    await asyncio.sleep(0)
    group = await Group.objects.acreate(name=request.GET["name"])
    fetched = await Group.objects.aget(pk=group.pk)
    names = [g.name async for g in Group.objects.all()]
    return JsonResponse({"fetched": fetched.name, "names": names})


urlpatterns = [path("groups/", create_group)]


async def main():
    await sync_to_async(call_command)("migrate", verbosity=0)
    response = await AsyncClient().get("/groups/?name=async-probe")
    print("async view:", response.status_code, response.json())
    assert response.status_code == 200
    assert response.json() == {"fetched": "async-probe", "names": ["async-probe"]}

    # The stated limit: a transaction cannot be opened from async code.
    try:
        with transaction.atomic():
            pass
    except SynchronousOnlyOperation as exc:
        print("transaction.atomic() in async code:", type(exc).__name__)
    else:
        raise AssertionError("transaction.atomic() worked in async mode")


asyncio.run(main())
