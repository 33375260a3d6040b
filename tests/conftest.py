import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command

from comparisons.choices import Edge, SupportLevel
from comparisons.models import Assessment, CriterionGroup, Framework, Release
from comparisons.services import record_missing_history

from .factories import (
    AssessmentFactory,
    CodeExampleFactory,
    ComparisonFactory,
    ComparisonPointFactory,
    CriterionFactory,
    CriterionGroupFactory,
    ExtensionFactory,
    FrameworkFactory,
    ReleaseFactory,
    SourceFactory,
    SupportStatementFactory,
    TagFactory,
)


@pytest.fixture
def seeded(db):
    """The committed seed fixture, loaded as `seed` loads it: only for the tests of the seed itself."""
    call_command("loaddata", "flask-vs-django", verbosity=0)
    record_missing_history("Loaded from the seed fixture")


@pytest.fixture
def flask_and_django(db):
    """Flask and Django, both published, assessed on four criteria, and compared in "Flask vs Django".

    Criteria in display order, by group: Core: The request object (request-object);
    Data: Forms (forms), The database layer (database-layer); Tooling: Admin site (admin-site).

    Django (BSD-3-Clause, 2005; tags Full-stack, WSGI, ASGI; its summary says "full-stack")
    has all four built in. Flask (BSD-3-Clause, 2010; tags Micro, WSGI; its description names
    Jinja) has the request object built in and the others through extensions: forms through
    WTForms and Flask-WTF (the one summary naming WTForms), the database layer through
    Flask-SQLAlchemy, the admin site through Flask-Admin. Every assessment was reviewed today
    and cites one source, except Flask's forms, which cite two.

    The published comparison flask-vs-django has a point on each criterion; the edge goes to
    Django on forms and on the admin site, and depends on the project elsewhere.
    Each has one release: Django 5.2 (2 April 2025, LTS, supported until 30 April 2028) and
    Flask 3.1.0 (13 November 2024); Django's package on the index is Django, Flask's Flask.
    Every row is saved through the ORM: at version 1, with history from its first version on.
    """
    full_stack, micro, wsgi, asgi = (
        TagFactory(name=name, slug=slug)
        for name, slug in [("Full-stack", "full-stack"), ("Micro", "micro"), ("WSGI", "wsgi"), ("ASGI", "asgi")]
    )
    core = CriterionGroupFactory(name="Core", slug="core", position=10)
    data = CriterionGroupFactory(name="Data", slug="data", position=20)
    tooling = CriterionGroupFactory(name="Tooling", slug="tooling", position=30)
    request_object = CriterionFactory(
        name="The request object",
        slug="request-object",
        group=core,
        position=10,
        summary="How does a view get at the request?",
    )
    forms = CriterionFactory(
        name="Forms", slug="forms", group=data, position=20, summary="Can you declare, validate and render forms?"
    )
    database_layer = CriterionFactory(
        name="The database layer", slug="database-layer", group=data, position=30, summary="How do you store data?"
    )
    admin_site = CriterionFactory(
        name="Admin site", slug="admin-site", group=tooling, position=40, summary="Is there a back office for staff?"
    )
    django = FrameworkFactory(
        name="Django",
        slug="django",
        summary="A full-stack Python web framework.",
        description="Django ships an **ORM**, forms and an admin.",
        license="BSD-3-Clause",
        first_release_year=2005,
        tags=[full_stack, wsgi, asgi],
        packages="Django",
    )
    flask = FrameworkFactory(
        name="Flask",
        slug="flask",
        summary="A small Python web framework.",
        description="Flask gives you **routing** and requests; templates are Jinja.",
        license="BSD-3-Clause",
        first_release_year=2010,
        tags=[micro, wsgi],
        packages="Flask",
    )
    ReleaseFactory(
        framework=django,
        version="5.2",
        released_on=datetime.date(2025, 4, 2),
        is_lts=True,
        supported_until=datetime.date(2028, 4, 30),
    )
    ReleaseFactory(framework=flask, version="3.1.0", released_on=datetime.date(2024, 11, 13))
    wtforms, flask_wtf, flask_sqlalchemy, flask_admin = (
        ExtensionFactory(name=name, slug=name.lower())
        for name in ("WTForms", "Flask-WTF", "Flask-SQLAlchemy", "Flask-Admin")
    )
    built_in, extension = SupportLevel.BUILT_IN, SupportLevel.EXTENSION
    for framework, criterion, level, summary, extensions in [
        (django, request_object, built_in, "Every view receives the request as its first argument.", []),
        (django, forms, built_in, "django.forms declares, validates and renders forms.", []),
        (django, database_layer, built_in, "The ORM and its migrations ship with Django.", []),
        (django, admin_site, built_in, "django.contrib.admin builds a back office from the models.", []),
        (flask, request_object, built_in, "flask.request is the current request, importable anywhere.", []),
        (flask, forms, extension, "WTForms, through Flask-WTF.", [wtforms, flask_wtf]),
        (flask, database_layer, extension, "SQLAlchemy, bound to the app by Flask-SQLAlchemy.", [flask_sqlalchemy]),
        (flask, admin_site, extension, "Flask-Admin builds one from the models.", [flask_admin]),
    ]:
        assessment = AssessmentFactory(
            framework=framework, criterion=criterion, support_level=level, summary=summary, extensions=extensions
        )
        if (framework, criterion) == (flask, forms):
            SourceFactory(
                assessment=assessment,
                title="Form validation with WTForms",
                url="https://flask.palletsprojects.com/patterns/wtforms/",
                position=0,
            )
            SourceFactory(
                assessment=assessment,
                title="Flask-WTF documentation",
                url="https://flask-wtf.readthedocs.io/",
                position=1,
            )
        else:
            SourceFactory(assessment=assessment)
    comparison = ComparisonFactory(
        title="Flask vs Django",
        slug="flask-vs-django",
        frameworks=[django, flask],
        tldr="Django ships the whole stack; Flask lets you choose each part.",
    )
    for position, criterion, edge, key_difference in [
        (10, request_object, Edge.DEPENDS, "Django passes the request in; Flask makes it importable."),
        (20, forms, Edge.FRAMEWORK, "Django has forms built in; Flask relies on WTForms."),
        (30, database_layer, Edge.DEPENDS, "Django brings its ORM; Flask leaves the choice open."),
        (40, admin_site, Edge.FRAMEWORK, "Django generates an admin; Flask needs Flask-Admin."),
    ]:
        ComparisonPointFactory(
            comparison=comparison,
            criterion=criterion,
            key_difference=key_difference,
            edge=edge,
            edge_framework=django if edge == Edge.FRAMEWORK else None,
            position=position,
        )


@pytest.fixture
def versioned(flask_and_django):
    """The Flask and Django world with more releases, support that changed over them, and code.

    Releases added: Django 3.0 (2 December 2019), 3.1 (4 August 2020) and 4.2 (3 April 2023,
    LTS, supported until 30 April 2026); Flask 2.0.0 (11 May 2021).
    A fifth criterion, Async views (async-views, in Core): Django none until 3.1, then
    built in since 3.1; Flask partial since 2.0.0.
    Code on the request object: Django's "The request is passed in" (for 5.2) and Flask's
    "The request is importable" (for 3.1.0).
    Returns the Django and Flask async assessments.
    """
    django, flask = Framework.objects.get(slug="django"), Framework.objects.get(slug="flask")
    releases = {(release.framework.slug, release.version): release for release in Release.objects.all()}
    for framework, version, day, lts, until in [
        (django, "3.0", datetime.date(2019, 12, 2), False, None),
        (django, "3.1", datetime.date(2020, 8, 4), False, None),
        (django, "4.2", datetime.date(2023, 4, 3), True, datetime.date(2026, 4, 30)),
        (flask, "2.0.0", datetime.date(2021, 5, 11), False, None),
    ]:
        releases[framework.slug, version] = ReleaseFactory(
            framework=framework, version=version, released_on=day, is_lts=lts, supported_until=until
        )
    async_views = CriterionFactory(
        name="Async views", slug="async-views", group=CriterionGroup.objects.get(slug="core"), position=20
    )
    django_async = AssessmentFactory(
        framework=django, criterion=async_views, support_level=SupportLevel.BUILT_IN, summary="async def views."
    )
    SupportStatementFactory(
        assessment=django_async,
        support_level=SupportLevel.NONE,
        until=releases["django", "3.1"],
        note="ASGI only: views stay synchronous.",
    )
    SupportStatementFactory(
        assessment=django_async,
        support_level=SupportLevel.BUILT_IN,
        since=releases["django", "3.1"],
        note="async def views.",
    )
    flask_async = AssessmentFactory(
        framework=flask, criterion=async_views, support_level=SupportLevel.PARTIAL, summary="async def in threads."
    )
    SupportStatementFactory(
        assessment=flask_async, support_level=SupportLevel.PARTIAL, since=releases["flask", "2.0.0"]
    )
    for framework, title, release, code in [
        (django, "The request is passed in", "5.2", "def view(request):\n    return HttpResponse(request.path)"),
        (flask, "The request is importable", "3.1.0", "@app.get('/')\ndef view():\n    return request.path"),
    ]:
        CodeExampleFactory(
            assessment=Assessment.objects.get(framework=framework, criterion__slug="request-object"),
            title=title,
            release=releases[framework.slug, release],
            code=code,
            output="/",
        )
    django_async.refresh_from_db()
    flask_async.refresh_from_db()
    return django_async, flask_async


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
    from django.core.cache import caches

    for alias in caches:
        caches[alias].clear()
    yield
    for alias in caches:
        caches[alias].clear()


@pytest.fixture
def pages_not_cached(settings):
    """Readers' whole pages are not cached (READER_CACHE_SECONDS=0); the fragment cache is on."""
    settings.READER_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 86400
