"""Django: registering a model in django.contrib.admin yields permission-aware list and change screens."""

FRAMEWORK = "django"
CRITERION = "admin-site"
SHOWS = "presence"
REQUIRES = []

import logging
import os
import sys
import tempfile

# A throwaway app with one model, written next to the probe's working files.
root = tempfile.mkdtemp()
os.makedirs(os.path.join(root, "shop"))
with open(os.path.join(root, "shop", "__init__.py"), "w") as f:
    f.write("")
with open(os.path.join(root, "shop", "models.py"), "w") as f:
    f.write(
        "from django.db import models\n\n"
        "class Gadget(models.Model):\n"
        "    name = models.CharField(max_length=50)\n\n"
        "    def __str__(self):\n"
        "        return self.name\n"
    )
sys.path.insert(0, root)

import django
from django.conf import settings

settings.configure(
    DEBUG=True,
    SECRET_KEY="probe",
    ALLOWED_HOSTS=["testserver"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=[
        "django.contrib.admin",
        "django.contrib.auth",
        "django.contrib.contenttypes",
        "django.contrib.sessions",
        "django.contrib.messages",
        "shop",
    ],
    MIDDLEWARE=[
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
    ],
    TEMPLATES=[
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "APP_DIRS": True,
            "OPTIONS": {
                "context_processors": [
                    "django.template.context_processors.request",
                    "django.contrib.auth.context_processors.auth",
                    "django.contrib.messages.context_processors.messages",
                ]
            },
        }
    ],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
    DEFAULT_AUTO_FIELD="django.db.models.AutoField",
)
django.setup()
logging.getLogger("django.request").setLevel(logging.ERROR)  # keep expected 403s quiet

from django.contrib import admin
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.test import Client
from django.urls import path
from shop.models import Gadget

admin.site.register(Gadget, admin.ModelAdmin)
urlpatterns = [path("admin/", admin.site.urls)]

call_command("migrate", run_syncdb=True, verbosity=0)
Gadget.objects.create(name="sprocket-42")

boss = User.objects.create_superuser("boss", "boss@example.com", "pw")
client = Client()
client.force_login(boss)
listing = client.get("/admin/shop/gadget/")
print("superuser list:", listing.status_code, "sprocket-42" in listing.content.decode())
assert listing.status_code == 200 and "sprocket-42" in listing.content.decode()
add_form = client.get("/admin/shop/gadget/add/")
print("superuser add form:", add_form.status_code)
assert add_form.status_code == 200

# A staff user without model permissions is refused; granting "view" opens the list.
clerk = User.objects.create_user("clerk", password="pw", is_staff=True)
client.force_login(clerk)
refused = client.get("/admin/shop/gadget/")
print("staff without permission:", refused.status_code)
assert refused.status_code == 403
clerk.user_permissions.add(Permission.objects.get(codename="view_gadget"))
clerk = User.objects.get(pk=clerk.pk)
client.force_login(clerk)
allowed = client.get("/admin/shop/gadget/")
add_refused = client.get("/admin/shop/gadget/add/")
print("staff with view_gadget: list", allowed.status_code, "add", add_refused.status_code)
assert allowed.status_code == 200 and add_refused.status_code == 403
