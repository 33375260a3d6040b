"""The JSON API: reading, filtering, writing, errors and HTTP behaviour."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle

from comparisons.models import Assessment, Framework

from .factories import (
    AssessmentFactory,
    ComparisonFactory,
    CriterionFactory,
    FrameworkFactory,
    build_matrix,
)

pytestmark = pytest.mark.django_db

API = "/api/v1"


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def editor_api(editor):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    return client


def version_of(framework, criterion):
    return Assessment.objects.get(framework__slug=framework, criterion__slug=criterion).version


def error_of(response):
    body = response.json()
    assert set(body) == {"status", "code", "detail", "errors"}
    assert body["status"] == response.status_code
    return body


# -- reading ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/frameworks/",
        "/frameworks/flask/",
        "/criteria/",
        "/criteria/forms/",
        "/criterion-groups/",
        "/criterion-groups/data/",
        "/tags/",
        "/tags/micro/",
        "/assessments/",
        "/assessments/flask/forms/",
        "/comparisons/",
        "/comparisons/flask-vs-django/",
        "/compare/?frameworks=flask,django",
        "/dataset/",
        "/dataset/schema/",
    ],
)
def test_every_endpoint_answers_anonymous_readers(api, flask_and_django, path):
    response = api.get(f"{API}{path}")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


def test_framework_detail_includes_its_assessments_with_markdown_and_html(api, flask_and_django):
    body = api.get(f"{API}/frameworks/flask/").json()

    assert body["url"] == "http://testserver/api/v1/frameworks/flask/"
    assert body["description"] == "Flask gives you **routing** and requests; templates are Jinja."
    assert (
        body["description_html"] == "<p>Flask gives you <strong>routing</strong> and requests; templates are Jinja.</p>"
    )
    assert [a["criterion"] for a in body["assessments"]] == ["request-object", "forms", "database-layer", "admin-site"]
    forms = body["assessments"][1]
    assert forms["extensions"] == ["flask-wtf", "wtforms"]
    assert forms["sources"] == [
        {"title": "Form validation with WTForms", "url": "https://flask.palletsprojects.com/patterns/wtforms/"},
        {"title": "Flask-WTF documentation", "url": "https://flask-wtf.readthedocs.io/"},
    ]


def test_assessments_can_be_addressed_by_id_or_by_slugs(api, flask_and_django):
    by_slugs = api.get(f"{API}/assessments/flask/forms/").json()

    assert api.get(f"{API}/assessments/{by_slugs['id']}/").json() == by_slugs
    assert api.get(f"{API}/assessments/flask/teleportation/").status_code == 404


def test_drafts_are_for_staff_only(api, flask_and_django, admin_user):
    FrameworkFactory(slug="secret", is_published=False)
    ComparisonFactory(slug="draft-one", status="draft", published_at=None)

    assert api.get(f"{API}/frameworks/secret/").status_code == 404
    assert api.get(f"{API}/comparisons/draft-one/").status_code == 404
    assert "secret" not in [f["slug"] for f in api.get(f"{API}/frameworks/").json()["results"]]
    api.force_authenticate(admin_user)
    assert api.get(f"{API}/frameworks/secret/").status_code == 200
    assert api.get(f"{API}/comparisons/draft-one/").status_code == 200


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("supports=forms&supports=admin-site", ["django"]),
        ("supports=forms&level=extension", ["django", "flask"]),
        ("tag=micro", ["flask"]),
        ("q=jinja", ["flask"]),
        ("search=full-stack", ["django"]),
        ("ordering=-name", ["flask", "django"]),
        ("ordering=,-name,", ["flask", "django"]),
        ("ordering=,,", ["django", "flask"]),
    ],
)
def test_frameworks_use_the_same_filters_as_the_page(api, flask_and_django, query, expected):
    body = api.get(f"{API}/frameworks/?{query}").json()

    assert [framework["slug"] for framework in body["results"]] == expected


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("framework=flask", 4),
        ("framework=flask&framework=django", 8),
        ("criterion=forms", 2),
        ("group=data", 4),
        ("level=extension", 3),
        ("level=built_in&framework=flask", 1),
        ("stale=true", 0),
        ("stale=false", 8),
        ("updated_since=2000-01-01T00:00:00Z", 8),
        ("updated_since=2099-01-01T00:00:00Z", 0),
        ("search=WTForms", 1),
    ],
)
def test_assessment_filters_count_the_matching_cells(api, flask_and_django, query, count):
    assert api.get(f"{API}/assessments/?{query}").json()["count"] == count


def test_ordering_by_an_allowed_field(api, flask_and_django):
    body = api.get(f"{API}/assessments/?ordering=-support_level,id").json()

    levels = [a["support_level"] for a in body["results"]]
    assert levels == sorted(levels, reverse=True)


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("level=superb", "level", "Select a valid choice"),
        ("framework=nope", "framework", "Select a valid choice"),
        ("stale=maybe", "stale", "Select a valid choice"),
        ("updated_since=yesterday", "updated_since", "Enter a valid date/time."),
        ("ordering=password", "ordering", "Cannot order by password"),
        ("limit=0", "limit", "limit must be a whole number from 1 to 200"),
        ("limit=-1", "limit", "limit must be a whole number from 1 to 200"),
        ("limit=abc", "limit", "limit must be a whole number from 1 to 200"),
        ("limit=1000000", "limit", "limit must be a whole number from 1 to 200"),
        ("offset=-5", "offset", "offset must be a whole number of 0 or more"),
        ("&".join(["framework=flask"] * 31), "framework", "Choose at most 30 values."),
    ],
)
def test_bad_query_parameters_are_a_400_naming_the_parameter(api, flask_and_django, query, field, message):
    response = api.get(f"{API}/assessments/?{query}")

    assert response.status_code == 400
    body = error_of(response)
    assert body["code"] == "invalid"
    assert message in body["errors"][field][0]


def test_pages_have_a_default_and_a_maximum_size(api):
    framework = FrameworkFactory()
    for _ in range(60):
        AssessmentFactory(framework=framework)

    assert len(api.get(f"{API}/assessments/").json()["results"]) == 50
    assert len(api.get(f"{API}/assessments/?limit=200").json()["results"]) == 60
    assert api.get(f"{API}/assessments/?limit=10&offset=55").json()["results"][0]["id"]


@pytest.mark.parametrize("path", ["/assessments/?limit=3", "/frameworks/", "/compare/?frameworks={0},{1}"])
def test_a_response_reads_the_same_built_kept_indented_and_browsed(api, path):
    """Rows and matrices are kept encoded once built: later, indented and browsable answers show the same."""
    frameworks = [FrameworkFactory(name=f"Zoë’s “framework” {number}") for number in range(3)]
    criterion = CriterionFactory(name="Forms “and” more")
    for framework in frameworks:
        AssessmentFactory(framework=framework, criterion=criterion, summary="Café <b>forms</b> — “quoted”")
    path = path.format(*(framework.slug for framework in frameworks))

    built = api.get(f"{API}{path}")
    kept = api.get(f"{API}{path}")
    indented = api.get(f"{API}{path}", HTTP_ACCEPT="application/json; indent=2")
    browsed = api.get(f"{API}{path}", HTTP_ACCEPT="text/html")

    assert built.status_code == 200 and built.content == kept.content
    assert "“" in built.content.decode()  # a name or summary, written as it is
    assert b"\n  " in indented.content and json.loads(indented.content) == json.loads(built.content)
    assert browsed.status_code == 200 and "“" in browsed.content.decode()


def test_unknown_detail_is_a_404_in_the_error_shape(api):
    response = api.get(f"{API}/frameworks/nope/")

    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


# -- compare ----------------------------------------------------------------------------


def test_compare_gives_the_matrix_and_the_editors_comparison(api, flask_and_django):
    body = api.get(f"{API}/compare/?frameworks=flask,django").json()

    assert [f["slug"] for f in body["frameworks"]] == ["django", "flask"]
    rows = [row for group in body["groups"] for row in group["rows"]]
    assert [row["criterion"]["slug"] for row in rows] == ["request-object", "forms", "database-layer", "admin-site"]
    forms = next(row for row in rows if row["criterion"]["slug"] == "forms")
    assert [cell["support_level"] for cell in forms["cells"]] == ["built_in", "extension"]
    assert forms["point"]["edge_framework"] == "django"
    assert body["comparison"]["slug"] == "flask-vs-django"


def test_compare_can_show_only_differences_and_chosen_criteria(api, flask_and_django):
    body = api.get(f"{API}/compare/?frameworks=django,flask&differences_only=true&criteria=request-object,forms").json()

    rows = [row["criterion"]["slug"] for group in body["groups"] for row in group["rows"]]
    assert rows == ["forms"]


def test_compare_without_an_editors_comparison(api):
    assessment = AssessmentFactory(framework__slug="alpha")
    AssessmentFactory(framework__slug="beta", criterion=assessment.criterion)

    body = api.get(f"{API}/compare/?frameworks=alpha,beta").json()

    assert body["comparison"] is None
    assert body["groups"][0]["rows"][0]["is_uniform"] is True


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("", "frameworks", "This field is required."),
        ("frameworks=flask", "frameworks", "Choose at least two frameworks to compare."),
        ("frameworks=flask,flask", "frameworks", "Choose at least two frameworks to compare."),
        ("frameworks=flask,nope", "frameworks", "Not a published framework: nope."),
        ("frameworks=flask,django&criteria=teleportation", "criteria", "Not a published criterion: teleportation."),
        ("frameworks=flask,django&differences_only=perhaps", "differences_only", "Must be a valid boolean."),
        ("frameworks=fla%00sk,django", "frameworks", "Give slugs separated by commas"),
    ],
)
def test_compare_refuses_bad_parameters_by_name(api, flask_and_django, query, field, message):
    response = api.get(f"{API}/compare/?{query}")

    assert response.status_code == 400
    assert message in error_of(response)["errors"][field][0]


def test_compare_refuses_more_than_six_frameworks(api):
    slugs = ",".join(FrameworkFactory().slug for _ in range(7))

    response = api.get(f"{API}/compare/?frameworks={slugs}")

    assert response.status_code == 400
    assert error_of(response)["errors"]["frameworks"] == ["Compare at most 6 frameworks at a time; you chose 7."]


# -- writing ----------------------------------------------------------------------------


def test_anonymous_clients_cannot_write(api, flask_and_django):
    response = api.patch(f"{API}/assessments/flask/forms/", {"summary": "Hacked"})

    assert response.status_code == 401
    assert error_of(response)["code"] == "not_authenticated"
    assert Assessment.objects.get(framework__slug="flask", criterion__slug="forms").summary != "Hacked"


def test_basic_auth_is_not_accepted(api, flask_and_django, editor):
    api.credentials(HTTP_AUTHORIZATION="Basic ZWRpdG9yOmVkaXRvci1wYXNzd29yZA==")  # editor:editor-password

    assert api.patch(f"{API}/assessments/flask/forms/", {"summary": "Via basic"}).status_code == 401


def test_an_editor_without_change_assessment_gets_403(flask_and_django, editor):
    editor.user_permissions.remove(Permission.objects.get(codename="change_assessment"))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")

    response = client.patch(f"{API}/assessments/flask/forms/", {"summary": "Nope"})

    assert response.status_code == 403
    assert error_of(response)["code"] == "permission_denied"


def test_an_editor_patches_an_assessment_and_the_public_page_shows_it(editor_api, client, flask_and_django, editor):
    response = editor_api.patch(
        f"{API}/assessments/flask/forms/",
        {
            "version": version_of("flask", "forms"),
            "support_level": "built_in",
            "details": "Now **built in**.",
            "sources": [{"title": "Docs", "url": "https://docs.example/"}],
        },
    )

    assert response.status_code == 200, response.json()
    assert response.json()["details_html"] == "<p>Now <strong>built in</strong>.</p>"
    assert response.json()["sources"] == [{"title": "Docs", "url": "https://docs.example/"}]
    page = client.get("/frameworks/flask/").content.decode()
    assert "Now <strong>built in</strong>." in page
    record = Assessment.objects.get(framework__slug="flask", criterion__slug="forms").history.first()
    assert record.history_user == editor
    assert "details" in record.history_change_reason


def test_latest_version_is_read_only_and_packages_are_written(editor_api, flask_and_django):
    version = Framework.objects.get(slug="flask").version
    response = editor_api.patch(
        f"{API}/frameworks/flask/", {"latest_version": "9.9", "packages": "Flask", "version": version}
    )

    assert response.status_code == 200
    flask = Framework.objects.get(slug="flask")
    assert (flask.latest_version, flask.packages) == ("3.1.0", "Flask")  # as its releases say


def test_an_editor_creates_an_assessment(editor_api):
    framework, criterion = FrameworkFactory(slug="bottle"), CriterionFactory(slug="templates")

    response = editor_api.post(
        f"{API}/assessments/",
        {
            "framework": "bottle",
            "criterion": "templates",
            "support_level": "built_in",
            "summary": "SimpleTemplate ships with it.",
            "last_reviewed": "2026-11-24",
            "sources": [{"title": "Docs", "url": "https://bottlepy.org/docs/dev/stpl.html"}],
        },
    )

    assert response.status_code == 201, response.json()
    assert Assessment.objects.get(framework=framework, criterion=criterion).sources.count() == 1


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({"details": "x" * 6001}, "details", "the limit is 6000"),
        ({"details": "[" * 101}, "details", "at most 100 are allowed"),
        ({"support_level": "great"}, "support_level", "is not a valid choice"),
        ({"last_reviewed": "yesterday"}, "last_reviewed", "Date has wrong format"),
        ({"sources": [{"title": "x", "url": "javascript:alert(1)"}]}, "sources.0.url", "Enter a valid URL."),
        (
            {"sources": [{"title": "a", "url": "https://a.example/"}, {"title": "b", "url": "https://a.example/"}]},
            "sources",
            "Each source URL may appear only once.",
        ),
        ({"extensions": ["nope"]}, "extensions", "does not exist"),
        ({"summary": "Two\nlines"}, "summary", "Use one line of plain text: this contains a line break."),
        ({"sources": [{"title": "a\x07b", "url": "https://a.example/"}]}, "sources.0.title", "(U+0007)"),
    ],
)
def test_writes_are_validated_like_the_admin_and_save_nothing(editor_api, flask_and_django, payload, field, message):
    before = Assessment.objects.get(framework__slug="flask", criterion__slug="forms")

    response = editor_api.patch(f"{API}/assessments/flask/forms/", payload, format="json")

    assert response.status_code == 400
    assert message in " ".join(error_of(response)["errors"][field])
    after = Assessment.objects.get(pk=before.pk)
    assert (after.details, after.support_level, after.updated_at) == (
        before.details,
        before.support_level,
        before.updated_at,
    )
    assert after.sources.count() == before.sources.count()


def test_a_second_assessment_for_a_pair_is_refused(editor_api, flask_and_django):
    response = editor_api.post(
        f"{API}/assessments/",
        {
            "framework": "flask",
            "criterion": "forms",
            "support_level": "none",
            "summary": "x",
            "last_reviewed": "2026-11-24",
        },
    )

    assert response.status_code == 400
    assert Assessment.objects.filter(framework__slug="flask", criterion__slug="forms").count() == 1


def test_a_framework_slug_with_vs_is_refused(editor_api):
    response = editor_api.post(
        f"{API}/frameworks/",
        {
            "name": "VS Web",
            "slug": "django-vs-flask",
            "summary": "x",
            "license": "MIT",
            "website_url": "https://x.example/",
        },
    )

    assert response.status_code == 400
    assert "slug" in error_of(response)["errors"]


def test_malformed_json_is_a_400(editor_api, flask_and_django):
    response = editor_api.generic(
        "PATCH", f"{API}/assessments/flask/forms/", '{"summary": ', content_type="application/json"
    )

    assert response.status_code == 400
    assert error_of(response)["code"] == "parse_error"


def test_an_oversized_body_is_a_413(editor_api, flask_and_django, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = editor_api.patch(f"{API}/assessments/flask/forms/", {"details": "x" * 5000}, format="json")

    assert response.status_code == 413
    assert error_of(response)["code"] == "payload_too_large"


def test_comparisons_are_read_only_through_the_api(editor_api, flask_and_django):
    response = editor_api.patch(f"{API}/comparisons/flask-vs-django/", {"title": "Changed"})

    assert response.status_code == 405


def test_anonymous_clients_are_throttled(api, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "100/minute"})

    # Four different requests: each one reaches a view (none is a reader-cache hit).
    statuses = [api.get(f"{API}/tags/?offset={offset}").status_code for offset in range(4)]

    assert statuses == [200, 200, 200, 429]


def test_answers_from_the_reader_cache_do_not_count_against_the_throttle(api, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute", "user": "100/minute"})

    responses = [api.get(f"{API}/tags/") for _ in range(4)]

    assert [response.status_code for response in responses] == [200, 200, 200, 200]
    assert [response["X-Cache"] for response in responses] == ["miss", "hit", "hit", "hit"]


# -- HTTP caching -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/frameworks/", "/frameworks/flask/", "/compare/?frameworks=flask,django", "/dataset/"]
)
def test_responses_carry_an_etag_and_answer_304(api, flask_and_django, path):
    first = api.get(f"{API}{path}")

    assert first["ETag"]
    again = api.get(f"{API}{path}", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_an_etag_changes_when_nested_content_changes(api, editor_api, flask_and_django):
    before = api.get(f"{API}/frameworks/flask/")["ETag"]

    editor_api.patch(
        f"{API}/assessments/flask/forms/", {"summary": "Changed underneath", "version": version_of("flask", "forms")}
    )

    response = api.get(f"{API}/frameworks/flask/", HTTP_IF_NONE_MATCH=before)
    assert response.status_code == 200
    assert response["ETag"] != before


# -- speed -------------------------------------------------------------------------------


def api_paths(frameworks, criteria):
    return [
        "/frameworks/",
        f"/frameworks/{frameworks[0].slug}/",
        "/criteria/",
        "/assessments/?limit=200",
        f"/assessments/?framework={frameworks[0].slug}",
        "/comparisons/",
        f"/compare/?frameworks={frameworks[0].slug},{frameworks[1].slug},{frameworks[2].slug}",
    ]


def queries_for(api, path):
    with CaptureQueriesContext(connection) as queries:
        assert api.get(f"{API}{path}").status_code == 200
    return len(queries)


def test_every_endpoint_runs_the_same_number_of_queries_at_any_size(api):
    small = [queries_for(api, path) for path in api_paths(*build_matrix(3, 2))]
    large = [queries_for(api, path) for path in api_paths(*build_matrix(8, 9))]

    assert small == large
    assert max(large) <= 10


def test_the_dataset_dump_is_written_with_a_fixed_number_of_queries_and_then_costs_one(api):
    build_matrix(3, 2)
    written_small = queries_for(api, "/dataset/")
    build_matrix(8, 9)
    written_large = queries_for(api, "/dataset/")

    assert written_small == written_large  # up to 2,000 assessments; 3 more per further 2,000
    assert queries_for(api, "/dataset/?again") == 1  # the content fingerprint; the file is streamed


# -- found in review --------------------------------------------------------------------


def test_points_on_draft_criteria_never_show_through_a_comparison(api, flask_and_django):
    from comparisons.models import Criterion

    Criterion.objects.filter(slug="forms").update(is_published=False)

    responses = [
        api.get(f"{API}/comparisons/flask-vs-django/").json()["points"],
        api.get(f"{API}/compare/?frameworks=flask,django").json()["comparison"]["points"],
        json.loads(b"".join(api.get(f"{API}/dataset/").streaming_content))["comparisons"][0]["points"],
    ]

    for points in responses:
        assert "forms" not in [point["criterion"] for point in points]


def test_deleting_something_still_referred_to_is_a_409_and_records_nothing(flask_and_django, django_user_model):
    admin = django_user_model.objects.create_superuser("root", password="x")
    client = APIClient()
    client.force_authenticate(admin)

    response = client.delete(f"{API}/frameworks/django/")  # the edge framework of comparison points

    assert response.status_code == 409
    assert "Flask vs Django" in error_of(response)["detail"]
    assert Framework.objects.filter(slug="django").exists()
    assert not Framework.history.filter(slug="django", history_type="-").exists()


@pytest.mark.parametrize("path", ["/frameworks/a%00/", "/tags/Flask/", "/assessments/abc/", "/criteria/x%00y/"])
def test_malformed_lookups_are_a_json_404(api, path):
    response = api.get(f"{API}{path}")

    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


@pytest.mark.parametrize(
    ("payload", "field"),
    [({"framework": "fl\u0000ask"}, "framework"), ({"extensions": ["a\u0000"]}, "extensions")],
)
def test_malformed_slugs_in_a_body_are_a_400(editor_api, flask_and_django, payload, field):
    response = editor_api.patch(f"{API}/assessments/flask/forms/", payload, format="json")

    assert response.status_code == 400
    assert field in error_of(response)["errors"]


def test_a_source_without_its_url_is_refused_in_a_patch(editor_api, flask_and_django):
    response = editor_api.patch(f"{API}/assessments/flask/forms/", {"sources": [{"title": "t"}]}, format="json")

    assert response.status_code == 400
    assert error_of(response)["errors"]["sources"] == ["Source 1 needs a url."]


@pytest.mark.parametrize("url", ['https://docs.example/a"b', "https://docs.example/<x>", "https://docs.example/a b"])
def test_a_source_url_that_is_not_a_valid_uri_is_refused_and_nothing_changes(editor_api, flask_and_django, url):
    before = version_of("flask", "forms")

    response = editor_api.patch(
        f"{API}/assessments/flask/forms/",
        {"sources": [{"title": "Docs", "url": url}], "version": before},
        format="json",
    )

    assert response.status_code == 400
    assert "cannot contain spaces or any of" in error_of(response)["errors"]["sources.0.url"][0]
    assert version_of("flask", "forms") == before


def test_more_than_twenty_sources_are_refused_and_nothing_changes(editor_api, flask_and_django):
    before = version_of("flask", "forms")
    sources = [{"title": f"Page {n}", "url": f"https://docs.example/{n}"} for n in range(21)]

    response = editor_api.patch(
        f"{API}/assessments/flask/forms/", {"sources": sources, "version": before}, format="json"
    )

    assert response.status_code == 400
    assert error_of(response)["errors"]["sources"] == ["At most 20 sources; this sends 21."]
    assert version_of("flask", "forms") == before


def test_a_framework_url_that_is_not_a_valid_uri_is_refused(editor_api, flask_and_django):
    response = editor_api.patch(
        f"{API}/frameworks/flask/", {"website_url": "https://flask.example/<script>", "version": 1}, format="json"
    )

    assert response.status_code == 400
    assert "website_url" in error_of(response)["errors"]


def test_absurdly_nested_json_is_a_400(editor_api, flask_and_django):
    response = editor_api.generic(
        "PATCH", f"{API}/assessments/flask/forms/", "[" * 100_000, content_type="application/json"
    )

    assert response.status_code == 400
    assert error_of(response)["code"] == "parse_error"


def test_underscored_numbers_are_not_page_sizes(api):
    assert api.get(f"{API}/tags/?limit=5_0").status_code == 400


def test_the_schema_says_a_matrix_cell_can_be_null(api):
    schema = api.get("/api/schema/?format=json").json()

    assert schema["components"]["schemas"]["MatrixRow"]["properties"]["cells"]["items"]["nullable"] is True


# -- no lost updates ------------------------------------------------------------------


def test_a_change_without_the_version_read_is_refused_with_428(editor_api, flask_and_django):
    response = editor_api.patch(f"{API}/assessments/flask/forms/", {"summary": "Blind write"}, format="json")

    assert response.status_code == 428
    assert error_of(response)["code"] == "version_required"
    assert Assessment.objects.get(framework__slug="flask", criterion__slug="forms").summary != "Blind write"


def test_a_change_from_a_stale_version_is_refused_with_409(editor_api, flask_and_django):
    read = editor_api.get(f"{API}/assessments/flask/forms/").json()["version"]
    assert (
        editor_api.patch(
            f"{API}/assessments/flask/forms/", {"summary": "First", "version": read}, format="json"
        ).status_code
        == 200
    )

    response = editor_api.patch(
        f"{API}/assessments/flask/forms/", {"summary": "Second", "version": read}, format="json"
    )

    assert response.status_code == 409
    assert f"you sent version {read}" in error_of(response)["detail"]
    assert Assessment.objects.get(framework__slug="flask", criterion__slug="forms").summary == "First"


def test_each_save_raises_the_version_by_one(editor_api, flask_and_django):
    read = editor_api.get(f"{API}/frameworks/flask/").json()["version"]

    response = editor_api.patch(f"{API}/frameworks/flask/", {"summary": "Small.", "version": read}, format="json")

    assert response.json()["version"] == read + 1
