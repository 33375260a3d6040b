"""Django + Django REST Framework: a serializer validates a JSON body field by field and shapes the output."""

FRAMEWORK = "django"
CRITERION = "validation-and-serialization"
SHOWS = "claim"
REQUIRES = ["djangorestframework==3.18.3"]

import django
from django.conf import settings

settings.configure(
    SECRET_KEY="probe",
    ALLOWED_HOSTS=["testserver"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "rest_framework"],
    REST_FRAMEWORK={"UNAUTHENTICATED_USER": None},
)
django.setup()

from django.urls import path
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.response import Response
from rest_framework.test import APIClient


class OrderSerializer(serializers.Serializer):
    sku = serializers.RegexField(r"^[A-Z]{3}-\d+$")
    quantity = serializers.IntegerField(min_value=1)
    gift = serializers.BooleanField(default=False)


@api_view(["POST"])
def order(request):
    serializer = OrderSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    return Response(serializer.validated_data, status=201)


urlpatterns = [path("orders/", order)]
client = APIClient()

bad = client.post("/orders/", {"sku": "nope", "quantity": 0}, format="json")
print("invalid body:", bad.status_code, bad.json())
assert bad.status_code == 400 and set(bad.json()) == {"sku", "quantity"}
good = client.post("/orders/", {"sku": "ABC-12", "quantity": "3"}, format="json")
print("valid body:", good.status_code, good.json())
assert good.status_code == 201 and good.json() == {"sku": "ABC-12", "quantity": 3, "gift": False}
