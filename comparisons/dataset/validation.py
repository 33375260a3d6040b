"""Validation: every check an import makes before it writes anything, with each problem's JSON path."""

import datetime
import json
from dataclasses import dataclass, field
from functools import cache

import jsonschema
import jsonschema_rs
from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_datetime

from ..markdown import validate_lexer_name
from ..models import Comparison, Criterion, CriterionGroup, Extension, Framework, Release, Tag, uri_characters_validator
from ..services import statement_range_problems
from ..versions import parse_version, validate_requires_python
from .format import json_schema


@dataclass
class ImportReport:
    errors: list[tuple[str, str]] = field(default_factory=list)  # (JSON path, message)
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, bucket: dict, kind: str) -> None:
        bucket[kind] = bucket.get(kind, 0) + 1

    def rows_written(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values())


class DatasetInvalid(Exception):
    def __init__(self, report: ImportReport):
        super().__init__(f"{len(report.errors)} problem(s) in the dataset")
        self.report = report


@cache
def _fast_schema_validator():
    return jsonschema_rs.validator_for(json_schema())


def _schema_errors(data) -> list[tuple[str, str]]:
    # A sound file (the usual case) is confirmed by the Rust validator in milliseconds; only
    # a file with problems goes through jsonschema, whose errors name paths and limits.
    if _fast_schema_validator().is_valid(data):
        return []
    validator = jsonschema.Draft202012Validator(json_schema())
    errors = sorted(validator.iter_errors(data), key=lambda error: error.json_path)
    return [(error.json_path, _describe(error)) for error in errors]


def _describe(error) -> str:
    # jsonschema quotes the whole offending value, which for a long text is unreadable.
    if error.validator == "maxLength":
        return f"Is {len(error.instance):,} characters long; the limit is {error.validator_value:,}."
    if error.validator == "minLength":
        return (
            "Must not be empty."
            if error.validator_value == 1
            else f"Needs at least {error.validator_value} characters."
        )
    if error.validator == "maxItems":
        return f"Has {len(error.instance)} items; the limit is {error.validator_value}."
    if error.validator == "pattern" and "https?://" in error.validator_value:
        return f"Give an http:// or https:// URL. {uri_characters_validator.message % {}}"
    return error.message


def _reference_errors(data: dict) -> list[tuple[str, str]]:
    """Slugs that name nothing, in the file or in the database."""

    def known(kind, model):
        return {row["slug"] for row in data[kind]} | set(model.objects.values_list("slug", flat=True))

    tags, groups = known("tags", Tag), known("criterion_groups", CriterionGroup)
    extensions, frameworks = known("extensions", Extension), known("frameworks", Framework)
    criteria = known("criteria", Criterion)
    errors = []

    def check(path, value, pool, what):
        if value not in pool:
            errors.append((path, f"“{value}” is not a known {what}."))

    for i, row in enumerate(data["frameworks"]):
        for j, tag in enumerate(row["tags"]):
            check(f"$.frameworks[{i}].tags[{j}]", tag, tags, "tag")
    for i, row in enumerate(data["criteria"]):
        check(f"$.criteria[{i}].group", row["group"], groups, "criterion group")
    for i, row in enumerate(data["assessments"]):
        check(f"$.assessments[{i}].framework", row["framework"], frameworks, "framework")
        check(f"$.assessments[{i}].criterion", row["criterion"], criteria, "criterion")
        for j, extension in enumerate(row["extensions"]):
            check(f"$.assessments[{i}].extensions[{j}]", extension, extensions, "extension")
    for i, row in enumerate(data["comparisons"]):
        for j, framework in enumerate(row["frameworks"]):
            check(f"$.comparisons[{i}].frameworks[{j}]", framework, frameworks, "framework")
        for j, point in enumerate(row["points"]):
            check(f"$.comparisons[{i}].points[{j}].criterion", point["criterion"], criteria, "criterion")
            if point["edge_framework"] is not None and point["edge_framework"] not in row["frameworks"]:
                errors.append(
                    (f"$.comparisons[{i}].points[{j}].edge_framework", "The edge must go to a compared framework.")
                )
    return errors


def _value_errors(data: dict) -> list[tuple[str, str]]:
    """Dates that look right to the JSON Schema but are not real dates, or lack a time zone."""
    errors = []
    for i, row in enumerate(data["assessments"]):
        try:
            datetime.date.fromisoformat(row["last_reviewed"])
        except ValueError:
            errors.append(
                (f"$.assessments[{i}].last_reviewed", f"“{row['last_reviewed']}” is not a date (YYYY-MM-DD).")
            )
    for i, row in enumerate(data["comparisons"]):
        try:
            moment = datetime.datetime.fromisoformat(row["published_at"])
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            errors.append(
                (
                    f"$.comparisons[{i}].published_at",
                    "Give an ISO 8601 date-time with a time zone, such as 2026-11-24T09:00:00+00:00.",
                )
            )
    return errors


def _duplicate_errors(data: dict) -> list[tuple[str, str]]:
    errors = []
    keys = {
        "tags": ("slug",),
        "criterion_groups": ("slug",),
        "extensions": ("slug",),
        "frameworks": ("slug",),
        "criteria": ("slug",),
        "assessments": ("framework", "criterion"),
        "comparisons": ("slug",),
    }
    for kind, fields in keys.items():
        seen = {}
        for i, row in enumerate(data[kind]):
            key = tuple(row[name] for name in fields)
            if key in seen:
                errors.append((f"$.{kind}[{i}]", f"Repeats {kind}[{seen[key]}] ({', '.join(key)})."))
            seen.setdefault(key, i)
    sets = {}
    for i, row in enumerate(data["comparisons"]):
        key = tuple(sorted(set(row["frameworks"])))
        if key in sets:
            errors.append((f"$.comparisons[{i}].frameworks", f"comparisons[{sets[key]}] already compares this set."))
        sets.setdefault(key, i)
        seen_points = {}
        for j, point in enumerate(row["points"]):
            if point["criterion"] in seen_points:
                errors.append(
                    (
                        f"$.comparisons[{i}].points[{j}]",
                        f"Repeats points[{seen_points[point['criterion']]}] ({point['criterion']}).",
                    )
                )
            seen_points.setdefault(point["criterion"], j)
    in_file = {row["slug"] for row in data["comparisons"]}
    published = Comparison.objects.published().prefetch_related("frameworks")
    for other in published:
        if other.slug in in_file:
            continue
        key = tuple(sorted(framework.slug for framework in other.frameworks.all()))
        if key in sets:
            errors.append(
                (
                    f"$.comparisons[{sets[key]}].frameworks",
                    f"“{other.slug}” is already the published comparison of this set.",
                )
            )
    return errors


def _is_datetime(value: str) -> bool:
    try:
        moment = parse_datetime(value)
    except ValueError:
        return False
    return moment is not None and moment.tzinfo is not None


def _date_error(path, value) -> list[tuple[str, str]]:
    if value is None:
        return []
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return [(path, f"“{value}” is not a date (YYYY-MM-DD).")]
    return []


def _release_errors(data: dict) -> list[tuple[str, str]]:
    """Releases (versions, dates, Requires-Python), and the releases statements, examples and evidence name."""
    errors = []
    versions_of = {}
    for i, row in enumerate(data["frameworks"]):
        versions = versions_of.setdefault(row["slug"], set())
        for j, release in enumerate(row.get("releases", [])):
            path = f"$.frameworks[{i}].releases[{j}]"
            version = parse_version(release["version"])
            if version is None:
                errors.append((f"{path}.version", f"“{release['version']}” is not a PEP 440 version."))
            elif version in versions:
                errors.append((f"{path}.version", f"Repeats release {release['version']}."))
            versions.add(version)
            errors += _date_error(f"{path}.released_on", release["released_on"])
            errors += _date_error(f"{path}.supported_until", release["supported_until"])
            try:
                validate_requires_python(release["requires_python"])
            except ValidationError as error:
                errors.append((f"{path}.requires_python", error.messages[0]))
    named = {
        row["framework"]
        for row in data["assessments"]
        if row.get("statements") or row.get("code_examples") or row.get("evidence")
    }
    for slug, version in Release.objects.filter(framework__slug__in=named).values_list("framework__slug", "version"):
        versions_of.setdefault(slug, set()).add(parse_version(version))

    def check_release(path, framework, value):
        if value is not None and parse_version(value) not in versions_of.get(framework, set()):
            errors.append((path, f"{framework} has no release “{value}” in the file or the database."))

    runs = set()  # a probe's result on a release and Python, once in the whole file
    for i, row in enumerate(data["assessments"]):
        path = f"$.assessments[{i}]"
        statements = row.get("statements", [])
        for j, statement in enumerate(statements):
            for name in ("since", "until"):
                check_release(f"{path}.statements[{j}].{name}", row["framework"], statement[name])
        errors += [
            (f"{path}.statements", problem)
            for problem in statement_range_problems([(s["since"], s["until"]) for s in statements])
        ]
        for j, example in enumerate(row.get("code_examples", [])):
            check_release(f"{path}.code_examples[{j}].release", row["framework"], example["release"])
            try:
                validate_lexer_name(example["language"])
            except ValidationError as error:
                errors.append((f"{path}.code_examples[{j}].language", error.messages[0]))
        for j, evidence in enumerate(row.get("evidence", [])):
            check_release(f"{path}.evidence[{j}].release", row["framework"], evidence["release"])
            run = (row["framework"], evidence["probe"], parse_version(evidence["release"]), evidence["python"])
            if run in runs:
                errors.append((f"{path}.evidence[{j}]", "Repeats the result of this probe, release and Python."))
            runs.add(run)
            if not _is_datetime(evidence["ran_at"]):
                errors.append((f"{path}.evidence[{j}].ran_at", "Not a date and time (ISO 8601 with its offset)."))
            if not evidence["probe"].startswith(f"{row['framework']}/"):
                errors.append(
                    (
                        f"{path}.evidence[{j}].probe",
                        f"A probe of {row['framework']} lives in probes/{row['framework']}/.",
                    )
                )
    return errors


def validation_errors(data) -> list[tuple[str, str]]:
    """Every problem of a dataset as (JSON path, message): the schema first, then values, repeats, references."""
    errors = _schema_errors(data)
    if errors:
        return errors
    return _value_errors(data) + _duplicate_errors(data) + _reference_errors(data) + _release_errors(data)


def load_dataset_text(text: str):
    """Parse dataset text; a JSON syntax error becomes a report with its position."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        report = ImportReport(
            errors=[("$", f"Not valid JSON: {error.msg} (line {error.lineno}, column {error.colno}).")]
        )
        raise DatasetInvalid(report) from None
