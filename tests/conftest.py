import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command

from comparisons.services import record_missing_history


@pytest.fixture
def seeded(db):
    """The committed seed content: Flask vs Django, with a first history version as `seed` gives it."""
    call_command("loaddata", "flask-vs-django", verbosity=0)
    record_missing_history("Loaded from the seed fixture")


@pytest.fixture
def editor(django_user_model):
    """A staff member who may add, change, delete and view all knowledge-base content."""
    user = django_user_model.objects.create_user(username="editor", password="editor-password", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="comparisons"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reader(django_user_model):
    """A logged-in account without staff status."""
    return django_user_model.objects.create_user(username="reader", password="reader-password")


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    return f"database: {database['ENGINE'].rsplit('.', 1)[-1]} {database.get('HOST') or ''}".rstrip()


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache (throttle counters, cached pages)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
