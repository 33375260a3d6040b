"""The dataset format: export, JSON Schema, import with paths, idempotence, round trip."""

import io
import json

import jsonschema
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from comparisons.dataset import (
    Dataset,
    DatasetInvalid,
    dump_dataset,
    export_dataset,
    import_dataset,
    importer,
    json_schema,
    write_dataset,
)
from comparisons.markdown import render_markdown
from comparisons.models import Assessment, Comparison, Evidence, Framework, Source

from .factories import EvidenceFactory, FrameworkFactory, build_matrix

pytestmark = pytest.mark.django_db


def empty_the_database():
    for model in (Comparison, Assessment, Framework):
        model.objects.all().delete()
    from comparisons.models import Criterion, CriterionGroup, Extension, Tag

    for model in (Criterion, CriterionGroup, Extension, Tag):
        model.objects.all().delete()


def test_export_is_versioned_licensed_and_valid_against_its_schema(flask_and_django):
    dataset = export_dataset()

    assert dataset["format"] == "comparesite-dataset"
    assert dataset["format_version"] == 3
    assert dataset["license"]["name"] == "CC BY 4.0"
    jsonschema.Draft202012Validator(json_schema()).validate(dataset)


def test_export_holds_only_published_content_and_no_database_ids(flask_and_django):
    FrameworkFactory(slug="draftwork", is_published=False)

    text = dump_dataset(export_dataset())

    assert "draftwork" not in text
    assert '"id"' not in text and '"pk"' not in text


def test_export_then_import_into_an_empty_database_then_export_is_byte_identical(flask_and_django):
    first = dump_dataset(export_dataset())
    empty_the_database()

    import_dataset(json.loads(first))

    assert dump_dataset(export_dataset()) == first


def test_probe_results_travel_with_the_dataset(flask_and_django):
    forms = Assessment.objects.get(framework__slug="flask", criterion__slug="forms")
    release = forms.framework.releases.get()
    EvidenceFactory(assessment=forms, release=release, outcome="failed", output="AssertionError: no CSRF")
    first = dump_dataset(export_dataset())
    empty_the_database()

    report = import_dataset(json.loads(first))

    assert report.created["evidence"] == 1
    assert dump_dataset(export_dataset()) == first
    assert '"outcome": "failed"' in first
    stored = Evidence.objects.get()
    assert (stored.probe, stored.release.version, stored.outcome) == ("flask/forms.py", "3.1.0", "failed")


def test_probe_results_naming_a_release_nobody_has_are_refused(flask_and_django):
    data = export_dataset()
    row = next(a for a in data["assessments"] if a["framework"] == "flask" and a["criterion"] == "forms")
    row["evidence"] = [
        {
            "probe": "flask/forms.py",
            "kind": "claim",
            "probe_sha": "0" * 64,
            "example_sha": "",
            "release": "9.9",
            "python": "3.13.0",
            "outcome": "passed",
            "output": "",
            "duration_seconds": 1.0,
            "ran_at": "yesterday",
        }
    ]
    index = data["assessments"].index(row)

    with pytest.raises(DatasetInvalid) as refused:
        import_dataset(data)

    errors = refused.value.report.errors
    assert (
        f"$.assessments[{index}].evidence[0].release",
        "flask has no release “9.9” in the file or the database.",
    ) in errors
    assert (f"$.assessments[{index}].evidence[0].ran_at", "Not a date and time (ISO 8601 with its offset).") in errors
    assert not Evidence.objects.exists()


def test_a_second_import_of_the_same_file_changes_nothing(flask_and_django):
    data = export_dataset()
    stamps = dict(Assessment.objects.values_list("pk", "updated_at"))
    sources = list(Source.objects.values_list("pk", flat=True))

    report = import_dataset(data)

    assert report.created == {}
    assert report.updated == {}
    assert report.unchanged["assessments"] == len(data["assessments"])
    assert dict(Assessment.objects.values_list("pk", "updated_at")) == stamps
    assert list(Source.objects.values_list("pk", flat=True)) == sources


def test_an_import_updates_what_changed_by_slug(flask_and_django):
    data = export_dataset()
    data["frameworks"][1]["packages"] = "Flask Werkzeug"
    data["assessments"][0]["sources"].append({"title": "More", "url": "https://more.example/"})

    report = import_dataset(data)

    assert report.updated == {"frameworks": 1, "sources": 1}
    assert Framework.objects.get(slug=data["frameworks"][1]["slug"]).packages == "Flask Werkzeug"


def test_every_problem_is_reported_with_its_json_path_and_nothing_is_written(flask_and_django):
    data = export_dataset()
    data["frameworks"][0]["slug"] = "Not A Slug"
    data["assessments"][1]["support_level"] = "great"
    data["assessments"][2]["details"] = "x" * 7000

    with pytest.raises(DatasetInvalid) as invalid:
        import_dataset(data)

    paths = [path for path, _ in invalid.value.report.errors]
    assert paths == ["$.assessments[1].support_level", "$.assessments[2].details", "$.frameworks[0].slug"]
    assert "Is 7,000 characters long; the limit is 6,000." in dict(invalid.value.report.errors).values()


def test_model_rules_are_checked_before_anything_is_written(flask_and_django):
    data = export_dataset()
    data["frameworks"][1]["summary"] = "Changed, but the file has another problem"
    data["assessments"][3]["details"] = "[" * 200
    before = Framework.objects.get(slug=data["frameworks"][1]["slug"]).summary

    with pytest.raises(DatasetInvalid) as invalid:
        import_dataset(data)

    assert invalid.value.report.errors == [
        (
            "$.assessments[3].details",
            "This Markdown has 200 '[' characters; at most 100 are allowed (each link or image uses one).",
        )
    ]
    assert Framework.objects.get(slug=data["frameworks"][1]["slug"]).summary == before


@pytest.mark.parametrize(
    ("kind", "field", "value", "message"),
    [
        ("frameworks", "slug", "flask-vs-django", "vs"),
        ("frameworks", "first_release_year", 1789, "1990"),
        ("criteria", "description", "x" * 20_000, "the limit is"),
        ("frameworks", "name", "Flask\tFramework", "this contains a tab"),
        ("assessments", "summary", "one\u2028two", "this contains a line break"),
    ],
)
def test_rules_the_database_also_enforces_are_reported_by_path(flask_and_django, kind, field, value, message):
    data = export_dataset()
    data[kind][0][field] = value

    with pytest.raises(DatasetInvalid) as invalid:
        import_dataset(data)

    errors = dict(invalid.value.report.errors)
    assert message in errors[f"$.{kind}[0].{field}"]


def test_references_must_name_something(flask_and_django):
    data = export_dataset()
    data["assessments"][0]["framework"] = "nope"
    data["comparisons"][0]["points"][1]["edge_framework"] = "pyramid"
    data["tags"].append(dict(data["tags"][0]))

    with pytest.raises(DatasetInvalid) as invalid:
        import_dataset(data)

    assert dict(invalid.value.report.errors) == {
        f"$.tags[{len(data['tags']) - 1}]": "Repeats tags[0] (asgi).",
        "$.assessments[0].framework": "“nope” is not a known framework.",
        "$.comparisons[0].points[1].edge_framework": "The edge must go to a compared framework.",
    }


def test_not_json_at_all_is_reported(tmp_path):
    path = tmp_path / "cut.json"
    path.write_text('{"format":')

    with pytest.raises(DatasetInvalid) as invalid:
        Dataset.from_file(path)

    assert invalid.value.report.errors == [("$", "Not valid JSON: parse error: premature EOF (right here) ------^")]


def test_a_syntax_error_among_the_assessments_is_reported_and_nothing_is_written(flask_and_django, tmp_path, capsys):
    text = dump_dataset(export_dataset())
    start = text.index('"assessments"')
    broken = text[:start] + text[start:].replace('"support_level": "', '"support_level": ', 1)
    path = tmp_path / "broken.json"
    path.write_text(broken)
    before = list(Assessment.objects.values_list("summary", flat=True))

    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_dataset", str(path))

    problem = capsys.readouterr().err
    assert problem.startswith("$: Not valid JSON: lexical error") and '"support_level": built_in' in problem
    assert list(Assessment.objects.values_list("summary", flat=True)) == before


def test_a_file_imports_the_same_whatever_its_key_order_and_however_it_is_chunked(db, tmp_path, monkeypatch):
    """The assessments are read as a stream, a few at a time: neither where they sit in the file nor
    how many are checked together changes what is imported."""
    build_matrix(frameworks=3, criteria=4)
    exported = dump_dataset(export_dataset())
    data = json.loads(exported)
    assessments_first = {"assessments": data.pop("assessments"), **data}
    path = tmp_path / "reordered.json"
    path.write_text(json.dumps(assessments_first))
    empty_the_database()
    monkeypatch.setattr("comparisons.dataset.bulk.ASSESSMENT_CHUNK_SIZE", 5)
    monkeypatch.setattr("comparisons.dataset.bulk.BULK_BATCH_SIZE", 3)

    call_command("import_dataset", str(path))

    assert dump_dataset(export_dataset()) == exported


def test_a_cell_repeated_far_from_its_first_is_reported(flask_and_django):
    data = export_dataset()
    data["assessments"].append(dict(data["assessments"][0]))

    with pytest.raises(DatasetInvalid) as invalid:
        import_dataset(data)

    last = len(data["assessments"]) - 1
    first = data["assessments"][0]
    assert invalid.value.report.errors == [
        (f"$.assessments[{last}]", f"Repeats assessments[0] ({first['framework']}, {first['criterion']}).")
    ]


def test_two_criteria_may_not_share_a_name(flask_and_django):
    data = export_dataset()
    data["criteria"][1]["name"] = data["criteria"][0]["name"]

    with pytest.raises(DatasetInvalid) as invalid:
        import_dataset(data)

    assert invalid.value.report.errors == [("$.criteria[1].name", "Criterion with this Name already exists.")]


def test_the_commands_round_trip_through_a_file(flask_and_django, tmp_path, capsys):
    path = tmp_path / "dataset.json"
    call_command("export_dataset", output=str(path))
    empty_the_database()

    call_command("import_dataset", str(path))

    assert "created:" in capsys.readouterr().out
    call_command("import_dataset", str(path))
    assert "Nothing changed." in capsys.readouterr().out


def test_the_import_command_reports_problems_and_fails(flask_and_django, tmp_path, capsys):
    data = export_dataset()
    data["format_version"] = 4
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))

    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_dataset", str(path))

    assert "$.format_version: 4 is not one of [1, 2, 3]" in capsys.readouterr().err


def test_a_dry_run_writes_nothing(flask_and_django, tmp_path):
    data = export_dataset()
    data["frameworks"][0]["summary"] = "Dry"
    path = tmp_path / "dataset.json"
    path.write_text(json.dumps(data))

    call_command("import_dataset", str(path), dry_run=True)

    assert not Framework.objects.filter(summary="Dry").exists()


def test_the_api_serves_the_same_dataset_as_the_command(client, flask_and_django):
    response = client.get("/api/v1/dataset/")

    assert response["Content-Type"] == "application/json"
    assert json.loads(b"".join(response.streaming_content)) == export_dataset()


# -- found in review --------------------------------------------------------------------


@pytest.mark.parametrize(
    # In `path`, {points} and {tags} are the index an appended point or tag gets.
    ("change", "path", "message"),
    [
        (
            lambda d: d["assessments"][0].update(last_reviewed="2026-02-30"),
            "$.assessments[0].last_reviewed",
            "is not a date",
        ),
        (lambda d: d["comparisons"][0].update(published_at="2026-11-24T09:00:00"), "$.comparisons[0].published_at", ""),
        (
            lambda d: d["comparisons"][0]["points"].append(dict(d["comparisons"][0]["points"][0])),
            "$.comparisons[0].points[{points}]",
            "Repeats points[0]",
        ),
        (
            lambda d: d["assessments"][0]["sources"].append(dict(d["assessments"][0]["sources"][0])),
            "$.assessments[0].sources[1].url",
            "only once",
        ),
        (lambda d: d["tags"].append({"slug": "another-asgi", "name": "ASGI"}), "$.tags[{tags}].name", "already exists"),
    ],
)
def test_problems_found_late_are_still_reported_by_path(flask_and_django, change, path, message):
    data = export_dataset()
    path = path.format(points=len(data["comparisons"][0]["points"]), tags=len(data["tags"]))
    change(data)

    with pytest.raises(DatasetInvalid) as invalid:
        import_dataset(data)

    errors = dict(invalid.value.report.errors)
    assert path in errors, errors
    assert message in errors[path]


def test_a_dry_run_into_an_empty_database_validates_without_crashing(flask_and_django):
    data = export_dataset()
    empty_the_database()

    report = import_dataset(data, validate_only=True)

    assert report.created["frameworks"] == 2
    assert not Framework.objects.exists()


def test_a_dry_run_reports_exactly_what_the_import_then_does(flask_and_django):
    data = export_dataset()
    empty_the_database()

    dry = import_dataset(data, validate_only=True)
    real = import_dataset(data)

    assert (dry.created, dry.updated, dry.unchanged) == (real.created, real.updated, real.unchanged)


def test_a_set_already_published_under_another_slug_is_refused(flask_and_django):
    data = export_dataset()
    data["comparisons"][0]["slug"] = "django-versus-flask"

    with pytest.raises(DatasetInvalid) as invalid:
        import_dataset(data)

    assert (
        "“flask-vs-django” is already the published comparison of this set."
        in dict(invalid.value.report.errors).values()
    )


# -- large imports: the bulk path -------------------------------------------------------------


def test_an_imported_change_is_versioned_and_recorded_like_an_edit(flask_and_django):
    data = export_dataset()
    row = next(row for row in data["assessments"] if row["extensions"])
    assessment = Assessment.objects.get(framework__slug=row["framework"], criterion__slug=row["criterion"])
    row["summary"] = "Summarised again by the import"
    row["details"] = "Now with **bold** details."
    row["extensions"] = []

    import_dataset(data)

    assessment_after = Assessment.objects.get(pk=assessment.pk)
    assert assessment_after.version == assessment.version + 1
    assert assessment_after.details_html == render_markdown(
        "Now with **bold** details.", id_prefix=f"md-{row['framework']}-{row['criterion']}-details-"
    )
    record = assessment_after.history.first()
    assert record.history_change_reason == "Changed summary, details, extensions"
    assert record.extensions.count() == 0


def test_a_change_of_sources_alone_is_recorded_too(flask_and_django):
    data = export_dataset()
    row = data["assessments"][3]
    row["sources"] = [{"title": "Only this one", "url": "https://only.example/"}]
    before = Assessment.objects.get(framework__slug=row["framework"], criterion__slug=row["criterion"])

    import_dataset(data)

    assessment = Assessment.objects.get(framework__slug=row["framework"], criterion__slug=row["criterion"])
    assert list(assessment.sources.values_list("title", flat=True)) == ["Only this one"]
    assert assessment.history.first().history_change_reason == "Changed sources"
    assert assessment.version == before.version + 1  # a client holding the old version gets a 409


def test_new_assessments_are_added_with_history_and_their_extensions(flask_and_django):
    data = export_dataset()
    row = next(row for row in data["assessments"] if row["extensions"])
    Assessment.objects.get(framework__slug=row["framework"], criterion__slug=row["criterion"]).delete()

    report = import_dataset(data)

    assert report.created == {
        "assessments": 1,
        "assessment_extensions": len(row["extensions"]),
        "sources": len(row["sources"]),
    }
    assert "sources" not in report.updated
    added = Assessment.objects.get(framework__slug=row["framework"], criterion__slug=row["criterion"])
    record = added.history.first()
    assert record.history_type == "+" and record.history_change_reason == "Added"
    assert record.history_user is None
    assert sorted(record.extensions.values_list("extension__slug", flat=True)) == row["extensions"]
    # The record is the row as written, field by field, and so are its sources' records.
    for field in Assessment.history.model.tracked_fields:
        assert getattr(record, field.attname) == getattr(added, field.attname), field.name
    for source in added.sources.all():
        source_record = source.history.get()
        assert (source_record.history_type, source_record.history_change_reason) == ("+", "Added")
        assert (source_record.title, source_record.url, source_record.position) == (
            source.title,
            source.url,
            source.position,
        )


def test_many_rows_are_rendered_on_every_core_with_the_same_result(flask_and_django, monkeypatch):
    monkeypatch.setattr("comparisons.dataset.rendering.MarkdownRenderer.PARALLEL_THRESHOLD", 2)
    data = export_dataset()
    for row in data["assessments"]:
        row["details"] += "\n\n## Added by a bulk import"
    Assessment.objects.all().delete()

    import_dataset(data)

    for assessment in Assessment.objects.select_related("framework", "criterion"):
        assert assessment.details_html == render_markdown(
            assessment.details, id_prefix=f"md-{assessment.framework.slug}-{assessment.criterion.slug}-details-"
        )


def test_new_and_changed_rows_of_a_parallel_import_are_rendered_as_a_save_would(flask_and_django, monkeypatch):
    monkeypatch.setattr("comparisons.dataset.rendering.MarkdownRenderer.PARALLEL_THRESHOLD", 2)
    data = export_dataset()
    Assessment.objects.filter(framework__slug="flask").delete()
    changed = next(row for row in data["assessments"] if row["framework"] == "django")
    changed["details"] += "\n\n## Changed by the import"

    report = import_dataset(data)

    assert report.created["assessments"] == sum(row["framework"] == "flask" for row in data["assessments"])
    assert report.updated["assessments"] == 1
    for assessment in Assessment.objects.select_related("framework", "criterion"):
        assert assessment.details_html == render_markdown(
            assessment.details, id_prefix=f"md-{assessment.framework.slug}-{assessment.criterion.slug}-details-"
        )


def test_the_streamed_dump_is_byte_for_byte_the_canonical_text(flask_and_django):
    streamed = io.StringIO()

    write_dataset(streamed)

    assert streamed.getvalue() == dump_dataset(export_dataset())


def test_the_streamed_dump_of_an_empty_knowledge_base_is_canonical_too(db):
    streamed = io.StringIO()

    write_dataset(streamed)

    assert streamed.getvalue() == dump_dataset(export_dataset())


def test_the_api_dump_is_written_once_per_content_change(
    client, flask_and_django, settings, tmp_path, monkeypatch, django_assert_max_num_queries
):
    settings.DATASET_DUMP_DIR = tmp_path / "dumps"
    monkeypatch.setattr(
        "comparisons.dataset.export.OLD_DUMP_GRACE_SECONDS", -1
    )  # no request is still reading the old one
    first = client.get("/api/v1/dataset/")
    files = list(settings.DATASET_DUMP_DIR.glob("dataset-*.json"))
    assert b"".join(first.streaming_content) == dump_dataset(export_dataset()).encode()
    with django_assert_max_num_queries(1):  # the fingerprint; the file is there already
        client.get("/api/v1/dataset/")

    flask = Framework.objects.get(slug="flask")
    flask.summary = "A new summary for the dump"
    flask.save()
    after = client.get("/api/v1/dataset/")

    assert b"A new summary for the dump" in b"".join(after.streaming_content)
    assert after["ETag"] != first["ETag"]
    assert list(settings.DATASET_DUMP_DIR.glob("dataset-*.json")) != files  # the old dump was replaced
    assert len(list(settings.DATASET_DUMP_DIR.glob("dataset-*.json"))) == 1


def test_a_failed_export_leaves_the_previous_file_whole(flask_and_django, tmp_path, monkeypatch):
    target = tmp_path / "dataset.json"
    target.write_text("the previous export")

    def broken(file):
        file.write("half a dataset")
        raise RuntimeError("the database went away")

    monkeypatch.setattr("comparisons.dataset.export.write_dataset", broken)
    with pytest.raises(RuntimeError):
        call_command("export_dataset", "-o", str(target))

    assert target.read_text() == "the previous export"
    assert list(tmp_path.iterdir()) == [target]


def test_a_failed_dump_leaves_no_partial_file(client, flask_and_django, settings, tmp_path, monkeypatch):
    settings.DATASET_DUMP_DIR = tmp_path / "dumps"

    def broken(file):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("comparisons.dataset.export.write_dataset", broken)
    with pytest.raises(RuntimeError):
        client.get("/api/v1/dataset/")

    assert list(settings.DATASET_DUMP_DIR.iterdir()) == []


@pytest.mark.parametrize(
    ("threshold", "dry_run", "refreshed"), [(1, False, True), (1, True, False), (10**9, False, False)]
)
def test_a_large_import_refreshes_the_planner_statistics(flask_and_django, monkeypatch, threshold, dry_run, refreshed):
    data = json.loads(dump_dataset(export_dataset()))
    empty_the_database()
    calls = []
    monkeypatch.setattr(importer, "ANALYZE_AFTER_ROWS", threshold)
    monkeypatch.setattr(importer, "refresh_planner_statistics", lambda: calls.append("analyze"))

    import_dataset(data, validate_only=dry_run)

    assert calls == (["analyze"] if refreshed else [])


def last_analyze_of_the_assessments():
    with connection.cursor() as cursor:
        # Statistics read in a transaction are a snapshot taken at the first read; take a fresh one.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = %s", [Assessment._meta.db_table])
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite keeps no planner statistics to refresh")
def test_refreshing_the_planner_statistics_analyzes_the_tables_on_postgresql():
    before = last_analyze_of_the_assessments()

    importer.refresh_planner_statistics()

    after = last_analyze_of_the_assessments()
    assert after is not None
    assert before is None or after > before


THIRD_PARTY_LICENCE = {
    "name": "CC BY-SA 4.0",
    "url": "https://creativecommons.org/licenses/by-sa/4.0/",
    "attribution": "The Example Matrix project",
}


def test_third_party_data_keeps_its_licence_through_import_pages_and_export(client, flask_and_django):
    data = export_dataset()
    data["license"] = THIRD_PARTY_LICENCE

    import_dataset(data)

    again = export_dataset()
    assert again["license"]["attribution"] == "comparesite editors"  # what our editors write
    assert again["credits"] == [THIRD_PARTY_LICENCE]
    page = client.get("/").content.decode()
    assert "The Example Matrix project" in page and THIRD_PARTY_LICENCE["url"] in page
    import_dataset(again)  # a round trip credits it once
    assert export_dataset()["credits"] == [THIRD_PARTY_LICENCE]


def test_the_schema_and_the_models_agree_on_what_a_slug_is():
    from comparisons.models import SLUG_MAX_LENGTH, SLUG_PATTERN, Comparison, Framework

    slug = json_schema()["$defs"]["slug"]
    assert slug["pattern"] == f"^{SLUG_PATTERN}$"
    assert slug["maxLength"] == SLUG_MAX_LENGTH
    assert (
        Framework._meta.get_field("slug").max_length == Comparison._meta.get_field("slug").max_length == SLUG_MAX_LENGTH
    )


def test_the_schema_and_the_models_agree_on_urls_and_the_number_of_sources():
    from comparisons.models import MAX_SOURCES, uri_characters_validator

    sources = json_schema()["properties"]["assessments"]["items"]["properties"]["sources"]
    assert sources["maxItems"] == MAX_SOURCES
    assert sources["items"]["properties"]["url"]["pattern"] == uri_characters_validator.regex.pattern.replace(
        ")", ")https?://", 1
    )


def test_a_slug_over_the_limit_is_refused_by_the_schema_with_its_path(flask_and_django):
    data = export_dataset()
    data["tags"].append({"slug": "x" * 101, "name": "Long"})

    with pytest.raises(DatasetInvalid) as error:
        import_dataset(data)

    assert error.value.report.errors == [
        (f"$.tags[{len(data['tags']) - 1}].slug", "Is 101 characters long; the limit is 100.")
    ]


def test_an_import_into_an_empty_database_reports_only_created_rows(db):
    build_matrix(frameworks=2, criteria=3)
    data = json.loads(dump_dataset(export_dataset()))
    empty_the_database()

    report = import_dataset(data)

    assert report.created["sources"] > 0 and report.updated == {}


def test_a_file_written_with_crlf_line_endings_imports_once_and_then_changes_nothing(db):
    build_matrix(frameworks=2, criteria=2)
    data = json.loads(dump_dataset(export_dataset()))
    for row in data["assessments"] + data["frameworks"]:
        field = "details" if "details" in row else "description"
        row[field] = "First paragraph.\r\n\r\nSecond paragraph.\r\n"

    first = import_dataset(data)
    again = import_dataset(data)

    assert first.updated["assessments"] == len(data["assessments"])
    assert again.updated == {}
    assert all("\r" not in details for details in Assessment.objects.values_list("details", flat=True))


def test_the_dump_is_written_anew_when_a_credit_is_added(db):
    from comparisons.dataset import open_dataset_dump
    from comparisons.models import DataCredit

    with open_dataset_dump() as before:
        name_before = before.name
    DataCredit.objects.create(**THIRD_PARTY_LICENCE)

    with open_dataset_dump() as after:
        assert after.name != name_before
        assert json.loads(after.read())["credits"] == [THIRD_PARTY_LICENCE]


def test_a_licence_with_a_control_character_is_refused_with_its_path(flask_and_django):
    data = export_dataset()
    data["license"] = {**THIRD_PARTY_LICENCE, "attribution": "The Example\tMatrix"}

    with pytest.raises(DatasetInvalid) as error:
        import_dataset(data)

    assert error.value.report.errors == [("$.license.attribution", "Use one line of plain text: this contains a tab.")]


def test_a_licence_that_asks_for_no_attribution_is_credited_by_its_name(client, flask_and_django):
    data = export_dataset()
    data["license"] = {
        "name": "CC0-1.0",
        "url": "https://creativecommons.org/publicdomain/zero/1.0/",
        "attribution": "",
    }

    import_dataset(data)

    assert export_dataset()["credits"] == [data["license"]]
    assert (
        'includes data under <a href="https://creativecommons.org/publicdomain/zero/1.0/"'
        in client.get("/").content.decode()
    )


@pytest.mark.parametrize("url", ['https://docs.example/a"b', "https://docs.example/<x>", "https://docs.example/a b"])
def test_a_url_that_is_not_a_valid_uri_is_refused_with_its_path(flask_and_django, url):
    data = export_dataset()
    data["assessments"][0]["sources"][0]["url"] = url

    with pytest.raises(DatasetInvalid) as error:
        import_dataset(data)

    [(path, message)] = error.value.report.errors
    assert path == "$.assessments[0].sources[0].url"
    assert "cannot contain spaces or any of" in message
    assert not Source.objects.filter(url=url).exists()


def test_more_than_twenty_sources_are_refused_with_the_path(flask_and_django):
    data = export_dataset()
    data["assessments"][0]["sources"] = [{"title": f"Page {n}", "url": f"https://docs.example/{n}"} for n in range(21)]

    with pytest.raises(DatasetInvalid) as error:
        import_dataset(data)

    assert error.value.report.errors == [("$.assessments[0].sources", "Has 21 items; the limit is 20.")]
