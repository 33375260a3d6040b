"""Statements, code examples and releases through every write path: admin, API, import and export."""

import json

import pytest
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from comparisons.dataset import DatasetInvalid, export_dataset, import_dataset
from comparisons.models import Assessment, CodeExample, Release, SupportStatement

from .factories import FrameworkFactory, assessment_change_data, empty_inlines

API = "/api/v1"

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_api(editor):
    client = APIClient()
    client.force_authenticate(editor)
    return client


def django_async():
    return Assessment.objects.get(framework__slug="django", criterion__slug="async-views")


# -- the API -------------------------------------------------------------------------------


def test_the_api_shows_a_cells_statements_code_and_since(client, versioned):
    cell = client.get(f"{API}/assessments/django/async-views/").json()

    assert (cell["support_level"], cell["since"]) == ("built_in", "3.1")
    assert cell["statements"] == [
        {"support_level": "none", "since": None, "until": "3.1", "note": "ASGI only: views stay synchronous."},
        {"support_level": "built_in", "since": "3.1", "until": None, "note": "async def views."},
    ]
    code = client.get(f"{API}/assessments/flask/request-object/").json()["code_examples"]
    assert [(example["title"], example["release"]) for example in code] == [("The request is importable", "3.1.0")]
    assert 'class="codehilite"' in code[0]["code_html"]


def test_an_editor_replaces_statements_and_the_level_follows(editor_api, versioned):
    cell = django_async()

    response = editor_api.patch(
        f"{API}/assessments/django/async-views/",
        {
            "version": cell.version,
            "statements": [
                {"support_level": "none", "since": None, "until": "3.0", "note": ""},
                {"support_level": "partial", "since": "3.0", "until": None, "note": "ASGI, sync views."},
            ],
        },
        format="json",
    )

    assert response.status_code == 200, response.json()
    assert (response.json()["support_level"], response.json()["since"]) == ("partial", "3.0")
    assert django_async().support_level == "partial"
    assert "support statements" in django_async().history.first().history_change_reason


@pytest.mark.parametrize(
    ("statements", "message"),
    [
        ([{"support_level": "built_in", "since": "9.9", "until": None}], "Django has no release “9.9”."),
        (
            [{"support_level": "built_in", "since": "4.2", "until": "3.1"}],
            "“Until 3.1” must come after “since 4.2”.",
        ),
        (
            [
                {"support_level": "none", "since": None, "until": None},
                {"support_level": "built_in", "since": "3.1", "until": None},
            ],
            "Two statements cover 3.1",
        ),
        ([{"support_level": "great", "since": None, "until": None}], "is not a valid choice"),
    ],
)
def test_bad_statements_are_refused_by_name_and_nothing_changes(editor_api, versioned, statements, message):
    cell = django_async()

    response = editor_api.patch(
        f"{API}/assessments/django/async-views/",
        {"version": cell.version, "statements": statements},
        format="json",
    )

    assert response.status_code == 400
    assert message in json.dumps(response.json(), ensure_ascii=False)
    assert SupportStatement.objects.filter(assessment=cell).count() == 2


@pytest.mark.parametrize(
    ("example", "message"),
    [
        ({"title": "T", "language": "cobol-ish", "code": "x"}, "is not a language Pygments knows"),
        ({"title": "T", "language": "python", "code": "x", "release": "0.0.1"}, "Flask has no release “0.0.1”."),
        ({"title": "", "language": "python", "code": "x"}, "may not be blank"),
    ],
)
def test_bad_code_examples_are_refused_by_name(editor_api, versioned, example, message):
    cell = Assessment.objects.get(framework__slug="flask", criterion__slug="request-object")

    response = editor_api.patch(
        f"{API}/assessments/flask/request-object/",
        {"version": cell.version, "code_examples": [example]},
        format="json",
    )

    assert response.status_code == 400
    assert message in json.dumps(response.json(), ensure_ascii=False)
    assert CodeExample.objects.filter(assessment=cell).count() == 1


def test_an_editor_adds_a_code_example_and_it_is_highlighted(editor_api, versioned):
    cell = Assessment.objects.get(framework__slug="flask", criterion__slug="forms")

    response = editor_api.patch(
        f"{API}/assessments/flask/forms/",
        {
            "version": cell.version,
            "code_examples": [
                {
                    "title": "A form class",
                    "language": "python",
                    "release": "3.1.0",
                    "requirements": "Flask-WTF==1.2.2",
                    "code": "class F(FlaskForm):\r\n    name = StringField()",
                    "output": "",
                }
            ],
        },
        format="json",
    )

    assert response.status_code == 200, response.json()
    example = CodeExample.objects.get(assessment=cell)
    assert example.code == "class F(FlaskForm):\n    name = StringField()"
    assert "<script" not in example.code_html and 'class="k"' in example.code_html


def test_releases_are_listed_newest_first(client, versioned):
    releases = client.get(f"{API}/frameworks/django/releases/").json()

    assert [release["version"] for release in releases] == ["5.2", "4.2", "3.1", "3.0"]
    assert releases[0] == {
        "version": "5.2",
        "released_on": "2025-04-02",
        "is_yanked": False,
        "requires_python": ">=3.10",
        "is_lts": True,
        "supported_until": "2028-04-30",
    }


def test_the_api_compares_at_releases_like_the_page(client, versioned):
    result = client.get(f"{API}/compare/?frameworks=django@3.0,django").json()

    assert [(f["slug"], f["release"]) for f in result["frameworks"]] == [("django", "3.0"), ("django", None)]
    row = next(row for group in result["groups"] for row in group["rows"] if row["criterion"]["slug"] == "async-views")
    assert [(cell["support_level"], cell["since"]) for cell in row["cells"]] == [("none", ""), ("built_in", "3.1")]
    assert not row["is_uniform"]


def test_the_api_refuses_an_unknown_release_by_name(client, versioned):
    response = client.get(f"{API}/compare/?frameworks=django@9.9,flask")

    assert response.status_code == 400
    assert "Django has no release 9.9." in json.dumps(response.json())


# -- the admin -----------------------------------------------------------------------------


def statement_rows(cell, rows):
    data = {
        "statements-TOTAL_FORMS": str(len(rows)),
        "statements-INITIAL_FORMS": "0",
        "statements-MIN_NUM_FORMS": "0",
        "statements-MAX_NUM_FORMS": "1000",
    }
    for index, (level, since, until) in enumerate(rows):
        data |= {
            f"statements-{index}-support_level": level,
            f"statements-{index}-since": since.pk if since else "",
            f"statements-{index}-until": until.pk if until else "",
            f"statements-{index}-note": "",
        }
    return data


def test_the_admin_refuses_overlapping_statements_and_saves_nothing(editor_client, flask_and_django):
    cell = Assessment.objects.get(framework__slug="flask", criterion__slug="forms")
    release = Release.objects.get(framework__slug="flask")
    data = assessment_change_data(cell, support_level=cell.support_level)
    data |= statement_rows(cell, [("none", None, None), ("extension", release, None)])

    response = editor_client.post(f"/admin/comparisons/assessment/{cell.pk}/change/", data)

    assert response.status_code == 200
    assert "Two statements cover 3.1.0" in response.content.decode()
    assert not SupportStatement.objects.exists()


def test_the_admin_offers_only_the_frameworks_releases(editor_client, flask_and_django):
    cell = Assessment.objects.get(framework__slug="flask", criterion__slug="forms")

    page = editor_client.get(f"/admin/comparisons/assessment/{cell.pk}/change/").content.decode()

    assert "Flask 3.1.0" in page
    assert "Django 5.2" not in page


def test_the_admin_saves_statements_and_names_them_in_history(editor_client, flask_and_django):
    cell = Assessment.objects.get(framework__slug="flask", criterion__slug="forms")
    release = Release.objects.get(framework__slug="flask")
    data = assessment_change_data(cell, support_level=cell.support_level)
    data |= statement_rows(cell, [("extension", release, None)])

    response = editor_client.post(f"/admin/comparisons/assessment/{cell.pk}/change/", data)

    assert response.status_code == 302
    cell.refresh_from_db()
    assert cell.since_version == "3.1.0"
    assert "support statements" in cell.history.first().history_change_reason


# -- import and export ---------------------------------------------------------------------


def test_export_carries_releases_statements_and_code_and_imports_back_unchanged(versioned):
    data = export_dataset()

    django = next(row for row in data["frameworks"] if row["slug"] == "django")
    assert [release["version"] for release in django["releases"]] == ["3.0", "3.1", "4.2", "5.2"]
    cell = next(row for row in data["assessments"] if (row["framework"], row["criterion"]) == ("django", "async-views"))
    assert [(s["since"], s["until"]) for s in cell["statements"]] == [(None, "3.1"), ("3.1", None)]

    report = import_dataset(json.loads(json.dumps(data)))

    assert report.created == {} and report.updated == {}
    assert export_dataset() == data


def test_a_format_1_file_still_imports_and_leaves_statements_alone(versioned):
    data = export_dataset()
    data["format_version"] = 1
    for row in data["frameworks"]:
        del row["releases"]
        row["latest_version"] = "0.0"  # hand-typed in format 1: not taken
    for row in data["assessments"]:
        del row["statements"], row["code_examples"]

    import_dataset(data)

    assert django_async().statements.count() == 2
    assert Release.objects.get(framework__slug="django", version="5.2").framework.latest_version == "5.2"


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (
            lambda d: d["frameworks"][0]["releases"].append(dict(d["frameworks"][0]["releases"][0])),
            "releases",
            "Repeats release",
        ),
        (
            lambda d: d["frameworks"][0]["releases"][0].update(version="not a version"),
            "version",
            "is not a PEP 440 version",
        ),
        (lambda d: d["frameworks"][0]["releases"][0].update(requires_python=">=3.x"), "requires_python", "specifier"),
        (lambda d: async_row(d)["statements"][1].update(since="7.0"), "since", "has no release “7.0”"),
        (lambda d: async_row(d)["statements"][0].update(until=None), "statements", "Two statements cover 3.1"),
    ],
)
def test_bad_versions_in_a_file_are_reported_with_their_path(versioned, change, path, message):
    data = export_dataset()
    change(data)

    with pytest.raises(DatasetInvalid) as raised:
        import_dataset(data)

    assert any(path in where and message in what for where, what in raised.value.report.errors), (
        raised.value.report.errors
    )


def async_row(data):
    return next(row for row in data["assessments"] if (row["framework"], row["criterion"]) == ("django", "async-views"))


def first_releases(data):
    return data["frameworks"][0]["releases"]


# -- derived levels stay in step on every path -----------------------------------------------


def test_removing_every_statement_keeps_the_editors_level_and_forgets_since(editor_api, versioned):
    cell = django_async()

    response = editor_api.patch(
        f"{API}/assessments/django/async-views/", {"version": cell.version, "statements": []}, format="json"
    )

    assert response.status_code == 200
    assert (response.json()["support_level"], response.json()["since"]) == ("built_in", "")
    assert "since 3.1" not in APIClient().get("/frameworks/django/async-views/").content.decode()


def test_a_level_that_contradicts_the_statements_is_refused_by_the_api(editor_api, versioned):
    cell = django_async()

    response = editor_api.patch(
        f"{API}/assessments/django/async-views/", {"version": cell.version, "support_level": "none"}, format="json"
    )

    assert response.status_code == 400
    assert "The level comes from the support statements" in response.json()["errors"]["support_level"][0]
    assert django_async().support_level == "built_in"


def test_a_level_that_contradicts_the_statements_is_refused_by_the_import(versioned):
    data = export_dataset()
    data["format_version"] = 1
    for row in data["frameworks"]:
        del row["releases"]
    for row in data["assessments"]:
        del row["statements"], row["code_examples"]
    async_row(data)["support_level"] = "none"

    with pytest.raises(DatasetInvalid) as raised:
        import_dataset(data)

    assert any(
        where.endswith(".support_level") and "The support statements give “Built in”" in what
        for where, what in raised.value.report.errors
    )


def test_the_history_record_of_a_statements_change_holds_the_level_they_give(editor_api, versioned):
    cell = django_async()

    editor_api.patch(
        f"{API}/assessments/django/async-views/",
        {"version": cell.version, "statements": [{"support_level": "partial", "since": "3.0", "until": None}]},
        format="json",
    )

    record = django_async().history.first()
    assert (record.support_level, record.since_version) == ("partial", "3.0")


def test_statements_and_examples_cannot_name_another_frameworks_releases(editor_api, versioned):
    cell = django_async()
    FrameworkFactory(slug="bottle")

    moved = editor_api.patch(
        f"{API}/assessments/django/async-views/", {"version": cell.version, "framework": "bottle"}, format="json"
    )
    foreign = SupportStatement(assessment=cell, support_level="none", since=Release.objects.get(version="2.0.0"))

    assert moved.status_code == 400
    assert "remove them before moving it" in json.dumps(moved.json())
    with pytest.raises(ValidationError, match="is not a release of this assessment's framework"):
        foreign.full_clean()


@pytest.mark.parametrize(
    "url",
    [
        "/compare/django@" + "1" * 5000 + "-vs-flask/",
        "/frameworks/django/?release=" + "1" * 5000,
        f"{API}/compare/?frameworks=django@{'1' * 5000},flask",
        "/compare/django@-vs-flask/",
        f"{API}/compare/?frameworks=django@,flask",
    ],
)
def test_monstrous_versions_are_a_clear_4xx(client, versioned, url):
    assert client.get(url).status_code in (400, 404)


def test_a_restored_assessment_comes_back_with_its_statements_and_code(versioned):
    from comparisons.services import deleted_assessments, restore_assessment

    cell = Assessment.objects.get(framework__slug="flask", criterion__slug="request-object")
    django_async().delete()
    cell.delete()

    for record in deleted_assessments():
        restore_assessment(record)

    assert django_async().statements.count() == 2
    assert (django_async().support_level, django_async().since_version) == ("built_in", "3.1")
    assert CodeExample.objects.filter(assessment__framework__slug="flask").count() == 1


def test_versions_are_stored_as_pep_440_writes_them_and_once(versioned):
    django = Release.objects.get(version="5.2").framework

    release = Release(framework=django, version="5.2-1")
    release.full_clean()
    release.save()
    duplicate = Release(framework=django, version="5.2.0")

    assert release.version == "5.2.post1"
    with pytest.raises(ValidationError, match=r"already has the release 5\.2\.0"):
        duplicate.full_clean()


def test_the_release_form_keeps_the_same_framework_at_two_releases(client, versioned):
    response = client.get("/compare/?frameworks=django&at-0=3.0&frameworks=django&at-1=")

    assert response.headers["Location"] == "/compare/django@3.0-vs-django/"


def test_a_column_at_a_release_shows_only_code_written_for_it_or_earlier(client, versioned):
    html = client.get("/compare/django@3.0-vs-django/").content.decode()

    section = html.split('id="code-heading"')[1]
    assert section.count("The request is passed in") == 1
    assert "No example written for 3.0 or earlier." in section


def test_the_admin_adds_an_assessment_with_its_statements_in_one_save(editor_client, flask_and_django):
    from .factories import CriterionFactory

    criterion = CriterionFactory(slug="async-views")
    django = Release.objects.get(framework__slug="django").framework
    data = {
        "framework": django.pk,
        "criterion": criterion.pk,
        "support_level": "built_in",
        "summary": "async def views.",
        "details": "",
        "last_reviewed": "2026-12-06",
        **empty_inlines("sources", "code_examples"),
        **statement_rows(None, [("partial", Release.objects.get(version="5.2"), None)]),
    }

    response = editor_client.post("/admin/comparisons/assessment/add/", data)

    assert response.status_code == 302
    added = Assessment.objects.get(framework=django, criterion=criterion)
    assert (added.support_level, added.since_version) == ("partial", "5.2")
    assert added.history.first().support_level == "partial"
