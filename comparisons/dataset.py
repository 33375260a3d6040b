"""The published knowledge base as one JSON document, and back.

The format is slug-based (no database ids), versioned, licensed and described
by a JSON Schema (dataset.schema.json beside this file). Export is
deterministic — same content, same bytes — so datasets can be mirrored and
diffed. Import validates everything first (the JSON Schema, then references,
then the models' own validation), reports every problem with its JSON path,
and only then upserts by slug in one transaction; rows that did not change are
not written, so importing the same file twice changes nothing.
"""

import datetime
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import jsonschema
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils.dateparse import parse_date, parse_datetime

from .choices import ComparisonStatus
from .models import (
    Assessment,
    Comparison,
    ComparisonPoint,
    Criterion,
    CriterionGroup,
    Extension,
    Framework,
    Source,
    Tag,
)

FORMAT_NAME = "comparesite-dataset"
FORMAT_VERSION = 1
LICENSE = {
    "name": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/",
    "attribution": "comparesite editors",
}
SCHEMA_PATH = Path(__file__).with_name("dataset.schema.json")


@cache
def json_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text())


# -- export ----------------------------------------------------------------------


def export_dataset() -> dict:
    """Everything published, sorted by slug, in the documented format. A fixed number of queries."""
    frameworks = Framework.objects.published().prefetch_related("tags").order_by("slug")
    criteria = Criterion.objects.published().select_related("group").order_by("slug")
    assessments = (
        Assessment.objects.published()
        .select_related("framework", "criterion")
        .prefetch_related("extensions", "sources")
        .order_by("framework__slug", "criterion__slug")
    )
    comparisons = (
        Comparison.objects.published()
        .prefetch_related(
            "frameworks",
            Prefetch("points", queryset=ComparisonPoint.objects.published().for_display()),
        )
        .order_by("slug")
    )
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "license": LICENSE,
        "tags": [{"slug": tag.slug, "name": tag.name} for tag in Tag.objects.order_by("slug")],
        "criterion_groups": [
            {"slug": g.slug, "name": g.name, "description": g.description, "position": g.position}
            for g in CriterionGroup.objects.order_by("slug")
        ],
        "extensions": [
            {"slug": e.slug, "name": e.name, "url": e.url, "summary": e.summary}
            for e in Extension.objects.order_by("slug")
        ],
        "frameworks": [
            {
                "slug": f.slug,
                "name": f.name,
                "summary": f.summary,
                "description": f.description,
                "language": f.language,
                "license": f.license,
                "website_url": f.website_url,
                "repository_url": f.repository_url,
                "documentation_url": f.documentation_url,
                "first_release_year": f.first_release_year,
                "latest_version": f.latest_version,
                "tags": sorted(tag.slug for tag in f.tags.all()),
            }
            for f in frameworks
        ],
        "criteria": [
            {
                "slug": c.slug,
                "name": c.name,
                "group": c.group.slug,
                "summary": c.summary,
                "description": c.description,
                "position": c.position,
            }
            for c in criteria
        ],
        "assessments": [
            {
                "framework": a.framework.slug,
                "criterion": a.criterion.slug,
                "support_level": a.support_level,
                "summary": a.summary,
                "details": a.details,
                "extensions": sorted(extension.slug for extension in a.extensions.all()),
                "sources": [{"title": s.title, "url": s.url} for s in a.sources.all()],
                "last_reviewed": a.last_reviewed.isoformat(),
            }
            for a in assessments
        ],
        "comparisons": [
            {
                "slug": c.slug,
                "title": c.title,
                "frameworks": sorted(framework.slug for framework in c.frameworks.all()),
                "tldr": c.tldr,
                "introduction": c.introduction,
                "conclusion": c.conclusion,
                "published_at": c.published_at.isoformat(),
                "points": [
                    {
                        "criterion": p.criterion.slug,
                        "key_difference": p.key_difference,
                        "edge": p.edge,
                        "edge_framework": p.edge_framework.slug if p.edge_framework else None,
                        "position": p.position,
                    }
                    for p in c.points.all()
                ],
            }
            for c in comparisons
        ],
    }


def dump_dataset(dataset: dict) -> str:
    """The canonical text of a dataset: stable key order and indentation, one trailing newline."""
    return json.dumps(dataset, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


# -- import ----------------------------------------------------------------------


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


class DatasetInvalid(Exception):
    def __init__(self, report: ImportReport):
        super().__init__(f"{len(report.errors)} problem(s) in the dataset")
        self.report = report


def _schema_errors(data) -> list[tuple[str, str]]:
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


class _Upserter:
    """Writes one kind of row at a time; a row is saved only if one of its values changed."""

    def __init__(self, report: ImportReport):
        self.report = report

    def upsert(self, kind, path, model, lookup: dict, values: dict):
        instance = model.objects.filter(**lookup).first()
        created = instance is None
        if created:
            instance = model(**lookup)
        before = None if created else {name: getattr(instance, name) for name in values}
        for name, value in values.items():
            setattr(instance, name, value)
        try:
            instance.full_clean()
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                for message in messages:
                    self.report.errors.append((f"{path}.{name}" if name != "__all__" else path, message))
            return instance, False
        changed = created or before != {name: getattr(instance, name) for name in values}
        if changed:
            instance.save()
        self.report.count(
            self.report.created if created else (self.report.updated if changed else self.report.unchanged), kind
        )
        return instance, changed

    def set_many(self, instance, attribute, objects):
        if instance.pk is None or any(obj.pk is None for obj in objects):
            return False  # a dry run's new rows, or rows that failed validation
        manager = getattr(instance, attribute)
        wanted = {obj.pk for obj in objects}
        if set(manager.values_list("pk", flat=True)) == wanted:
            return False
        manager.set(objects)
        return True


def import_dataset(data, *, validate_only: bool = False) -> ImportReport:
    """Validate a dataset and, if it is sound and not `validate_only`, upsert it in one transaction.

    Raises DatasetInvalid (with every problem and its JSON path) before writing
    anything if the dataset is not sound.
    """
    report = ImportReport()
    report.errors = _schema_errors(data)
    if not report.errors:
        report.errors = _value_errors(data) + _duplicate_errors(data) + _reference_errors(data)
    if report.errors:
        raise DatasetInvalid(report)
    try:
        with transaction.atomic():
            _write(data, report)
            if report.errors:
                raise DatasetInvalid(report)  # leaving the block rolls everything back
            if validate_only:
                transaction.set_rollback(True)  # a dry run writes for real, then takes it all back
    except (IntegrityError, ValueError) as error:
        # A last line of defence: the database refused something the checks above missed.
        report.errors.append(("$", f"The database refused the data, so nothing was imported: {error}"))
        raise DatasetInvalid(report) from None
    return report


def _write(data: dict, report: ImportReport) -> None:
    upserter = _Upserter(report)
    by_slug = {}

    def remember(kind, instance):
        by_slug.setdefault(kind, {})[instance.slug] = instance

    def lookup(kind, model, slug):
        if slug not in by_slug.get(kind, {}):
            by_slug.setdefault(kind, {})[slug] = model.objects.get(slug=slug)
        return by_slug[kind][slug]

    for i, row in enumerate(data["tags"]):
        remember("tags", upserter.upsert("tags", f"$.tags[{i}]", Tag, {"slug": row["slug"]}, {"name": row["name"]})[0])
    for i, row in enumerate(data["criterion_groups"]):
        values = {k: row[k] for k in ("name", "description", "position")}
        group, _ = upserter.upsert(
            "criterion_groups", f"$.criterion_groups[{i}]", CriterionGroup, {"slug": row["slug"]}, values
        )
        remember("criterion_groups", group)
    for i, row in enumerate(data["extensions"]):
        values = {k: row[k] for k in ("name", "url", "summary")}
        extension, _ = upserter.upsert("extensions", f"$.extensions[{i}]", Extension, {"slug": row["slug"]}, values)
        remember("extensions", extension)
    for i, row in enumerate(data["frameworks"]):
        values = {k: v for k, v in row.items() if k not in ("slug", "tags")} | {"is_published": True}
        framework, _ = upserter.upsert("frameworks", f"$.frameworks[{i}]", Framework, {"slug": row["slug"]}, values)
        remember("frameworks", framework)
        if upserter.set_many(framework, "tags", [lookup("tags", Tag, slug) for slug in row["tags"]]):
            report.count(report.updated, "framework_tags")
    for i, row in enumerate(data["criteria"]):
        values = {k: v for k, v in row.items() if k not in ("slug", "group")}
        values |= {"group": lookup("criterion_groups", CriterionGroup, row["group"]), "is_published": True}
        criterion, _ = upserter.upsert("criteria", f"$.criteria[{i}]", Criterion, {"slug": row["slug"]}, values)
        remember("criteria", criterion)
    for i, row in enumerate(data["assessments"]):
        path = f"$.assessments[{i}]"
        framework = lookup("frameworks", Framework, row["framework"])
        criterion = lookup("criteria", Criterion, row["criterion"])
        values = {
            "support_level": row["support_level"],
            "summary": row["summary"],
            "details": row["details"],
            "last_reviewed": parse_date(row["last_reviewed"]),
        }
        if framework.pk is None or criterion.pk is None:
            continue  # its framework or criterion failed validation; that is reported already
        assessment, _ = upserter.upsert(
            "assessments", path, Assessment, {"framework": framework, "criterion": criterion}, values
        )
        extensions = [lookup("extensions", Extension, slug) for slug in row["extensions"]]
        if upserter.set_many(assessment, "extensions", extensions):
            report.count(report.updated, "assessment_extensions")
        _sync_sources(assessment, row["sources"], report, path)
    for i, row in enumerate(data["comparisons"]):
        path = f"$.comparisons[{i}]"
        values = {k: row[k] for k in ("title", "tldr", "introduction", "conclusion")} | {
            "status": ComparisonStatus.PUBLISHED,
            "published_at": parse_datetime(row["published_at"]),
        }
        comparison, _ = upserter.upsert("comparisons", path, Comparison, {"slug": row["slug"]}, values)
        frameworks = [lookup("frameworks", Framework, slug) for slug in row["frameworks"]]
        if upserter.set_many(comparison, "frameworks", frameworks):
            report.count(report.updated, "comparison_frameworks")
        comparison.submitted_frameworks = frameworks  # what ComparisonPoint.clean checks edges against
        if comparison.pk is None:
            continue
        for j, point in enumerate(row["points"]):
            edge_framework = (
                lookup("frameworks", Framework, point["edge_framework"]) if point["edge_framework"] else None
            )
            values = {
                "key_difference": point["key_difference"],
                "edge": point["edge"],
                "edge_framework": edge_framework,
                "position": point["position"],
            }
            upserter.upsert(
                "comparison_points",
                f"{path}.points[{j}]",
                ComparisonPoint,
                {"comparison": comparison, "criterion": lookup("criteria", Criterion, point["criterion"])},
                values,
            )


def _sync_sources(assessment, sources, report, path):
    if assessment.pk is None:
        return
    wanted = [(source["title"], source["url"]) for source in sources]
    urls = [url for _, url in wanted]
    for j, url in enumerate(urls):
        if url in urls[:j]:
            report.errors.append((f"{path}.sources[{j}].url", "Each source URL may appear only once."))
    current = list(assessment.sources.order_by("position", "id").values_list("title", "url"))
    for j, (title, url) in enumerate(wanted):
        try:
            Source(assessment=assessment, title=title, url=url, position=j).full_clean(validate_constraints=False)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                report.errors.extend((f"{path}.sources[{j}].{name}", message) for message in messages)
    if wanted == current or report.errors:
        return
    assessment.sources.all().delete()
    for j, (title, url) in enumerate(wanted):
        Source.objects.create(assessment=assessment, title=title, url=url, position=j)
    report.count(report.updated, "sources")


def load_dataset_text(text: str):
    """Parse dataset text; a JSON syntax error becomes a report with its position."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        report = ImportReport(
            errors=[("$", f"Not valid JSON: {error.msg} (line {error.lineno}, column {error.colno}).")]
        )
        raise DatasetInvalid(report) from None
