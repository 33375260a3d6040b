"""Django: views get only the request; Wireup's Django integration injects scoped services, with cleanup, overrides."""

FRAMEWORK = "django"
CRITERION = "dependency-injection"
SHOWS = "claim"
REQUIRES = ["wireup==2.13.0"]

from collections.abc import Iterator

from wireup import Injected, injectable

events = []


class DbSession:
    opened = 0

    def __init__(self, label="db"):
        DbSession.opened += 1
        self.name = f"{label}-{DbSession.opened}"


@injectable(lifetime="scoped")
def db_session() -> Iterator[DbSession]:
    session = DbSession()
    yield session
    events.append(f"closed {session.name}")  # runs when the request scope ends


import django
from django.conf import settings
from wireup.integration.django import WireupSettings

settings.configure(
    SECRET_KEY="probe",
    ALLOWED_HOSTS=["testserver"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=["wireup.integration.django"],
    MIDDLEWARE=["wireup.integration.django.wireup_middleware"],
    WIREUP=WireupSettings(injectables=[db_session]),
)

from django.http import HttpResponse
from django.test import Client
from django.urls import path


def orders(request, db: Injected[DbSession]):
    return HttpResponse(db.name)


def plain(request, **kwargs):  # what Django itself passes a view
    return HttpResponse(f"{type(request).__name__} {sorted(kwargs)}")


urlpatterns = [path("orders", orders), path("plain/<int:pk>", plain)]
django.setup()  # Wireup wraps the URLconf's views when its app becomes ready

from wireup.integration.django import get_app_container

client = Client()
print("plain Django view receives:", client.get("/plain/3").content.decode())
bodies = [client.get("/orders").content.decode() for _ in range(2)]
print("injected:", bodies, "| cleanup:", events)
assert bodies == ["db-1", "db-2"] and events == ["closed db-1", "closed db-2"]
with get_app_container().override.injectable(DbSession, new=DbSession("fake")):
    overridden = client.get("/orders").content.decode()
print("overridden in a test:", overridden)
assert overridden == "fake-3"
