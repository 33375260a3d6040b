"""Validation: every check an import makes before it writes anything, with each problem's JSON path."""

import datetime
import sys
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
def _fast_validator(part: str):
    return jsonschema_rs.validator_for(_schema(part))


@cache
def _schema(part: str) -> dict:
    """The whole document's schema, or ("row") one assessment's, with the definitions it refers to."""
    schema = json_schema()
    if part == "row":
        return {"$defs": schema["$defs"], **schema["properties"]["assessments"]["items"]}
    return schema


def _schema_errors(value, part: str = "document", path: str = "$") -> list[tuple[str, str]]:
    # A sound value (the usual case) is confirmed by the Rust validator in microseconds; only
    # one with problems goes through jsonschema, whose errors name paths and limits.
    if _fast_validator(part).is_valid(value):
        return []
    validator = jsonschema.Draft202012Validator(_schema(part))
    errors = sorted(validator.iter_errors(value), key=lambda error: error.json_path)
    return [(path + error.json_path[1:], _describe(error)) for error in errors]


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


def validation_errors(dataset) -> list[tuple[str, str]]:
    """Every problem of a dataset as (JSON path, message), reading its assessments once.

    Problems with the JSON Schema come first and alone (the other checks assume
    its shape); then values, repeats, references and releases.
    """
    head_schema_errors = _schema_errors(dataset.head)
    row_checks = None if head_schema_errors else _RowChecks(dataset.head)
    schema_errors, errors = list(head_schema_errors), []
    for i, row in dataset.rows():
        path = f"$.assessments[{i}]"
        problems = _schema_errors(row, "row", path)
        schema_errors += problems
        if row_checks is not None and not problems and not schema_errors:
            errors += row_checks.errors(i, row)
    if schema_errors:
        return sorted(schema_errors, key=lambda error: error[0])
    head = dataset.head
    return (
        _value_errors(head)
        + _duplicate_errors(head)
        + _reference_errors(head, row_checks)
        + _release_errors(head, row_checks)
        + errors
    )


class _RowChecks:
    """The checks of one assessment that need the rest of the file (or the database): one row at a time.

    Holds only what a row is checked against (the slugs and releases the file
    and the database know) and a compact record of the rows seen.
    """

    def __init__(self, head: dict):
        self.frameworks = _known(head, "frameworks", Framework)
        self.criteria = _known(head, "criteria", Criterion)
        self.extensions = _known(head, "extensions", Extension)
        self.versions_of = _file_versions(head)
        self.stored_versions_read = set()
        self.seen = {}  # (framework, criterion) -> index of the row that named it first
        self.runs = set()  # a probe's result on a release and Python, once in the whole file

    def errors(self, i: int, row: dict) -> list[tuple[str, str]]:
        path, errors = f"$.assessments[{i}]", []
        try:
            datetime.date.fromisoformat(row["last_reviewed"])
        except ValueError:
            errors.append((f"{path}.last_reviewed", f"“{row['last_reviewed']}” is not a date (YYYY-MM-DD)."))
        key = (sys.intern(row["framework"]), sys.intern(row["criterion"]))
        if key in self.seen:
            errors.append((path, f"Repeats assessments[{self.seen[key]}] ({', '.join(key)})."))
        else:
            self.seen[key] = i
        for name, pool in (("framework", self.frameworks), ("criterion", self.criteria)):
            if row[name] not in pool:
                errors.append((f"{path}.{name}", f"“{row[name]}” is not a known {name}."))
        for j, extension in enumerate(row["extensions"]):
            if extension not in self.extensions:
                errors.append((f"{path}.extensions[{j}]", f"“{extension}” is not a known extension."))
        if row.get("statements") or row.get("code_examples") or row.get("evidence"):
            errors += self._release_errors(path, row)
        return errors

    def versions(self, framework: str) -> set:
        """The framework's releases in the file and, read once when first needed, in the database."""
        if framework not in self.stored_versions_read:
            self.stored_versions_read.add(framework)
            stored = Release.objects.filter(framework__slug=framework).values_list("version", flat=True)
            self.versions_of.setdefault(framework, set()).update(parse_version(version) for version in stored)
        return self.versions_of.get(framework, set())

    def _release_errors(self, path: str, row: dict) -> list[tuple[str, str]]:
        errors = []
        framework = row["framework"]

        def check_release(where, value):
            if value is not None and parse_version(value) not in self.versions(framework):
                errors.append((where, f"{framework} has no release “{value}” in the file or the database."))

        statements = row.get("statements", [])
        for j, statement in enumerate(statements):
            for name in ("since", "until"):
                check_release(f"{path}.statements[{j}].{name}", statement[name])
        errors += [
            (f"{path}.statements", problem)
            for problem in statement_range_problems([(s["since"], s["until"]) for s in statements])
        ]
        for j, example in enumerate(row.get("code_examples", [])):
            check_release(f"{path}.code_examples[{j}].release", example["release"])
            try:
                validate_lexer_name(example["language"])
            except ValidationError as error:
                errors.append((f"{path}.code_examples[{j}].language", error.messages[0]))
        for j, evidence in enumerate(row.get("evidence", [])):
            check_release(f"{path}.evidence[{j}].release", evidence["release"])
            run = (framework, evidence["probe"], parse_version(evidence["release"]), evidence["python"])
            if run in self.runs:
                errors.append((f"{path}.evidence[{j}]", "Repeats the result of this probe, release and Python."))
            self.runs.add(run)
            if not _is_datetime(evidence["ran_at"]):
                errors.append((f"{path}.evidence[{j}].ran_at", "Not a date and time (ISO 8601 with its offset)."))
            if not evidence["probe"].startswith(f"{framework}/"):
                errors.append((f"{path}.evidence[{j}].probe", f"A probe of {framework} lives in probes/{framework}/."))
        return errors


def _known(head: dict, kind: str, model) -> set[str]:
    return {row["slug"] for row in head[kind]} | set(model.objects.values_list("slug", flat=True))


def _reference_errors(head: dict, row_checks: _RowChecks) -> list[tuple[str, str]]:
    """Slugs in the file's small parts that name nothing, in the file or in the database."""
    tags, groups = _known(head, "tags", Tag), _known(head, "criterion_groups", CriterionGroup)
    frameworks, criteria = row_checks.frameworks, row_checks.criteria
    errors = []

    def check(path, value, pool, what):
        if value not in pool:
            errors.append((path, f"“{value}” is not a known {what}."))

    for i, row in enumerate(head["frameworks"]):
        for j, tag in enumerate(row["tags"]):
            check(f"$.frameworks[{i}].tags[{j}]", tag, tags, "tag")
    for i, row in enumerate(head["criteria"]):
        check(f"$.criteria[{i}].group", row["group"], groups, "criterion group")
    for i, row in enumerate(head["comparisons"]):
        for j, framework in enumerate(row["frameworks"]):
            check(f"$.comparisons[{i}].frameworks[{j}]", framework, frameworks, "framework")
        for j, point in enumerate(row["points"]):
            check(f"$.comparisons[{i}].points[{j}].criterion", point["criterion"], criteria, "criterion")
            if point["edge_framework"] is not None and point["edge_framework"] not in row["frameworks"]:
                errors.append(
                    (f"$.comparisons[{i}].points[{j}].edge_framework", "The edge must go to a compared framework.")
                )
    return errors


def _value_errors(head: dict) -> list[tuple[str, str]]:
    """Dates that look right to the JSON Schema but are not real dates, or lack a time zone."""
    errors = []
    for i, row in enumerate(head["comparisons"]):
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


def _duplicate_errors(head: dict) -> list[tuple[str, str]]:
    errors = []
    keys = {
        "tags": ("slug",),
        "criterion_groups": ("slug",),
        "extensions": ("slug",),
        "frameworks": ("slug",),
        "criteria": ("slug",),
        "comparisons": ("slug",),
    }
    for kind, fields in keys.items():
        seen = {}
        for i, row in enumerate(head[kind]):
            key = tuple(row[name] for name in fields)
            if key in seen:
                errors.append((f"$.{kind}[{i}]", f"Repeats {kind}[{seen[key]}] ({', '.join(key)})."))
            seen.setdefault(key, i)
    sets = {}
    for i, row in enumerate(head["comparisons"]):
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
    in_file = {row["slug"] for row in head["comparisons"]}
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


def _file_versions(head: dict) -> dict[str, set]:
    """The versions of each framework's releases in the file (the valid ones)."""
    versions_of = {}
    for row in head["frameworks"]:
        versions = versions_of.setdefault(row["slug"], set())
        versions.update(parse_version(release["version"]) for release in row.get("releases", []))
        versions.discard(None)
    return versions_of


def _release_errors(head: dict, row_checks: _RowChecks) -> list[tuple[str, str]]:
    """The frameworks' releases in the file: versions, dates and Requires-Python."""
    errors = []
    for i, row in enumerate(head["frameworks"]):
        versions = set()
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
    return errors
