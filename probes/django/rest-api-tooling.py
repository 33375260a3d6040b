"""Django + Django REST Framework: a ModelViewSet behind a router, with content negotiation and the browsable API."""

FRAMEWORK = "django"
CRITERION = "rest-api-tooling"
SHOWS = "claim"
REQUIRES = ["djangorestframework==3.18.3"]

import django
from django.conf import settings

settings.configure(
    SECRET_KEY="probe",
    ALLOWED_HOSTS=["testserver"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=["django.contrib.auth", "django.contrib.contenttypes", "rest_framework"],
    TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True}],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
    REST_FRAMEWORK={"UNAUTHENTICATED_USER": None},
)
django.setup()

from django.contrib.auth.models import Group
from django.core.management import call_command
from rest_framework import routers, serializers, viewsets
from rest_framework.test import APIClient


class GroupSerializer(serializers.ModelSerializer):
    class Meta:
        model = Group
        fields = ["id", "name"]


class GroupViewSet(viewsets.ModelViewSet):
    queryset = Group.objects.order_by("id")
    serializer_class = GroupSerializer


router = routers.DefaultRouter()
router.register("groups", GroupViewSet)
urlpatterns = router.urls
call_command("migrate", verbosity=0)

client = APIClient()
created = client.post("/groups/", {"name": "admins"}, format="json")
print("POST /groups/:", created.status_code, created.json())
assert created.status_code == 201 and created.json()["name"] == "admins"
listing = client.get("/groups/", HTTP_ACCEPT="application/json")
print("GET as JSON:", listing["Content-Type"], listing.json())
assert listing.json() == [{"id": 1, "name": "admins"}]
browsable = client.get("/groups/", HTTP_ACCEPT="text/html")
print("GET as HTML:", browsable["Content-Type"], "browsable API page:", b"Django REST framework" in browsable.content)
assert browsable["Content-Type"].startswith("text/html") and b"Django REST framework" in browsable.content
detail = client.patch("/groups/1/", {"name": "staff"}, format="json")
print("PATCH /groups/1/:", detail.status_code, detail.json())
assert detail.json() == {"id": 1, "name": "staff"}
