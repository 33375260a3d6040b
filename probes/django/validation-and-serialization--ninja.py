"""Django + Django Ninja: a Pydantic schema validates the JSON body and query and feeds the OpenAPI document."""

FRAMEWORK = "django"
CRITERION = "validation-and-serialization"
SHOWS = "claim"
REQUIRES = ["django-ninja==1.7.1"]

import django
from django.conf import settings

settings.configure(SECRET_KEY="probe", ALLOWED_HOSTS=["testserver"], ROOT_URLCONF=__name__, INSTALLED_APPS=["ninja"])
django.setup()

from django.test import Client
from django.urls import path
from ninja import NinjaAPI, Schema


class OrderIn(Schema):
    sku: str
    quantity: int


api = NinjaAPI()


@api.post("/orders")
def create_order(request, order: OrderIn, express: bool = False):
    return {"sku": order.sku, "total_items": order.quantity, "express": express}


urlpatterns = [path("api/", api.urls)]
client = Client()

bad = client.post("/api/orders", {"sku": "ABC", "quantity": "many"}, content_type="application/json")
print("invalid body:", bad.status_code, bad.json())
assert bad.status_code == 422 and bad.json()["detail"][0]["loc"][-1] == "quantity"
good = client.post("/api/orders?express=yes", {"sku": "ABC", "quantity": "2"}, content_type="application/json")
print("valid body:", good.status_code, good.json())
assert good.json() == {"sku": "ABC", "total_items": 2, "express": True}
schema = client.get("/api/openapi.json").json()
print("OpenAPI paths:", list(schema["paths"]), "components:", list(schema["components"]["schemas"]))
assert "/api/orders" in schema["paths"] and "OrderIn" in schema["components"]["schemas"]
