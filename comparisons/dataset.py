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
import hashlib
import json
import multiprocessing
import os
import tempfile
import time
from collections import defaultdict
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import jsonschema
import jsonschema_rs
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from .caching import content_changed
from .choices import ComparisonStatus
from .markdown import render_markdown
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
    markdown_id_prefix,
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


def _published_assessments():
    return (
        Assessment.objects.published()
        .select_related("framework", "criterion")
        .prefetch_related("extensions", "sources")
        .order_by("framework__slug", "criterion__slug")
    )


def _assessment_row(a) -> dict:
    return {
        "framework": a.framework.slug,
        "criterion": a.criterion.slug,
        "support_level": a.support_level,
        "summary": a.summary,
        "details": a.details,
        "extensions": sorted(extension.slug for extension in a.extensions.all()),
        "sources": [{"title": s.title, "url": s.url} for s in a.sources.all()],
        "last_reviewed": a.last_reviewed.isoformat(),
    }


def export_dataset(*, with_assessments: bool = True) -> dict:
    """Everything published, sorted by slug, in the documented format. A fixed number of queries."""
    frameworks = Framework.objects.published().prefetch_related("tags").order_by("slug")
    criteria = Criterion.objects.published().select_related("group").order_by("slug")
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
        "assessments": [_assessment_row(a) for a in _published_assessments()] if with_assessments else [],
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


ASSESSMENTS_PLACEHOLDER = '"assessments": []'


def write_dataset(file) -> None:
    """Write the canonical text of everything published to a text file, in bounded memory.

    The same bytes as `dump_dataset(export_dataset())`, but the assessments (the
    bulk of a large matrix) are read in chunks and written one by one, each
    indented as it would be inside the document.
    """
    head, tail = dump_dataset(export_dataset(with_assessments=False)).split(ASSESSMENTS_PLACEHOLDER)
    file.write(head + '"assessments": [')
    written = 0
    for assessment in _published_assessments().iterator(chunk_size=2000):
        row = json.dumps(_assessment_row(assessment), indent=2, ensure_ascii=False).replace("\n", "\n    ")
        file.write(("," if written else "") + "\n    " + row)
        written += 1
    file.write(("\n  ]" if written else "]") + tail)


def dataset_fingerprint() -> str:
    """Changes whenever any content changes: the newest history record of every content model.

    Every write path records history (deletes included), and the database is
    shared by all app servers, so this needs no cache to agree on.
    """
    from django.apps import apps
    from django.db import connection

    tables = [
        getattr(model, attribute).model._meta.db_table
        for model in apps.get_app_config("comparisons").get_models()
        if (attribute := getattr(model._meta, "simple_history_manager_attribute", None))
    ]
    union = " UNION ALL ".join(
        f"SELECT %s AS name, MAX(history_date) AS newest, COUNT(*) AS total FROM {connection.ops.quote_name(table)}"  # noqa: S608
        for table in sorted(tables)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"{union} ORDER BY name", sorted(tables))
        parts = cursor.fetchall()
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:24]


def write_dataset_file(path) -> None:
    """Write the dataset to `path` beside it and rename it into place: a failure never leaves half a file."""
    folder = os.path.dirname(os.path.abspath(path))
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, suffix=".partial", delete=False) as file:
        try:
            write_dataset(file)
        except BaseException:
            os.unlink(file.name)
            raise
    os.replace(file.name, path)


# Older dumps are deleted only after this long, so a request that has just been handed one can still open it.
OLD_DUMP_GRACE_SECONDS = 300


def _dump_folder() -> Path:
    folder = Path(settings.DATASET_DUMP_DIR)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.stat().st_uid != os.getuid():
        raise PermissionError(f"{folder} belongs to another user; set DATASET_DUMP_DIR to a folder of this one.")
    return folder


def open_dataset_dump():
    """The dataset dump of the current content, opened for reading (name `dataset-<fingerprint>.json`).

    Written to this server's disk the first time it is asked for: beside its
    final name, then renamed, so a reader sees the whole file or none.
    """
    folder = _dump_folder()
    path = folder / f"dataset-{dataset_fingerprint()}.json"
    if not path.exists():
        write_dataset_file(path)
        cutoff = time.time() - OLD_DUMP_GRACE_SECONDS
        for old in (*folder.glob("dataset-*.json"), *folder.glob("*.partial")):
            if old != path and old.stat().st_mtime < cutoff:
                old.unlink(missing_ok=True)
    return path.open("rb")


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

    def upsert(self, kind, path, model, lookup: dict, values: dict, *, validate_constraints=True):
        """`validate_constraints=False` for models whose check constraints all repeat a field's validators.

        Checking a constraint costs a query; the field checks give the same error with its path, and
        the database still enforces every constraint.
        """
        instance = model.objects.filter(**lookup).first()
        created = instance is None
        if created:
            instance = model(**lookup)
        before = None if created else {name: getattr(instance, name) for name in values}
        for name, value in values.items():
            setattr(instance, name, value)
        try:
            instance.full_clean(validate_constraints=validate_constraints)
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
    if not validate_only and report.rows_written() >= ANALYZE_AFTER_ROWS:
        refresh_planner_statistics()
    return report


# After writing this many rows at once, the planner's statistics are refreshed at once rather
# than whenever autovacuum gets to it: until then PostgreSQL may scan whole tables.
ANALYZE_AFTER_ROWS = 10_000


BULK_WRITTEN_MODELS = (Assessment, Assessment.extensions.through, Source, ComparisonPoint)


def refresh_planner_statistics() -> None:
    """ANALYZE the tables an import fills in bulk (the ones pages query by the thousand)."""
    if connection.vendor == "postgresql":
        tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in BULK_WRITTEN_MODELS)
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {tables}")


def _write(data: dict, report: ImportReport) -> None:
    assessments = data["assessments"]
    renderer = MarkdownRenderer(parallel=len(assessments) >= PARALLEL_RENDER_THRESHOLD)
    try:
        # The workers start on what will surely be new while this process writes the vocabulary.
        renderer.render_early(_new_assessment_markdown(assessments))
        _write_rows(data, report, renderer)
    finally:
        renderer.close()


def _new_assessment_markdown(rows) -> list[list[tuple[str, str]]]:
    """(details, id prefix) of the assessments of frameworks with none stored yet, a batch per framework.

    Such rows can only be created, so their HTML will be needed whatever else the file holds.
    """
    slugs = {row["framework"] for row in rows}
    assessed = set(
        Assessment.objects.filter(framework__slug__in=slugs).values_list("framework__slug", flat=True).distinct()
    )
    batches = defaultdict(list)
    for row in rows:
        if row["framework"] not in assessed:
            prefix = markdown_id_prefix((row["framework"], row["criterion"]), "details")
            batches[row["framework"]].append((row["details"], prefix))
    return list(batches.values())


def _write_rows(data: dict, report: ImportReport, renderer) -> None:
    upserter = _Upserter(report)
    by_slug = {}

    def remember(kind, instance):
        by_slug.setdefault(kind, {})[instance.slug] = instance

    def lookup(kind, model, slug):
        if slug not in by_slug.get(kind, {}):
            by_slug.setdefault(kind, {})[slug] = model.objects.get(slug=slug)
        return by_slug[kind][slug]

    # Every check constraint of these models repeats a field validator (slugs, years, lengths).
    vocabulary = {"validate_constraints": False}
    for i, row in enumerate(data["tags"]):
        values = {"name": row["name"]}
        tag, _ = upserter.upsert("tags", f"$.tags[{i}]", Tag, {"slug": row["slug"]}, values, **vocabulary)
        remember("tags", tag)
    for i, row in enumerate(data["criterion_groups"]):
        values = {k: row[k] for k in ("name", "description", "position")}
        group, _ = upserter.upsert(
            "criterion_groups", f"$.criterion_groups[{i}]", CriterionGroup, {"slug": row["slug"]}, values, **vocabulary
        )
        remember("criterion_groups", group)
    for i, row in enumerate(data["extensions"]):
        values = {k: row[k] for k in ("name", "url", "summary")}
        extension, _ = upserter.upsert(
            "extensions", f"$.extensions[{i}]", Extension, {"slug": row["slug"]}, values, **vocabulary
        )
        remember("extensions", extension)
    for i, row in enumerate(data["frameworks"]):
        values = {k: v for k, v in row.items() if k not in ("slug", "tags")} | {"is_published": True}
        framework, _ = upserter.upsert(
            "frameworks", f"$.frameworks[{i}]", Framework, {"slug": row["slug"]}, values, **vocabulary
        )
        remember("frameworks", framework)
        if upserter.set_many(framework, "tags", [lookup("tags", Tag, slug) for slug in row["tags"]]):
            report.count(report.updated, "framework_tags")
    for i, row in enumerate(data["criteria"]):
        values = {k: v for k, v in row.items() if k not in ("slug", "group")}
        values |= {"group": lookup("criterion_groups", CriterionGroup, row["group"]), "is_published": True}
        criterion, _ = upserter.upsert(
            "criteria", f"$.criteria[{i}]", Criterion, {"slug": row["slug"]}, values, **vocabulary
        )
        remember("criteria", criterion)
    _write_assessments(data["assessments"], report, lookup, renderer)
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
        _write_points(comparison, row["points"], path, report, lookup)


# -- the many rows: assessments and comparison points, written in bulk ------------------

# Below this many Markdown fields to render, a pool of processes costs more than it saves.
PARALLEL_RENDER_THRESHOLD = 2_000
BULK_BATCH_SIZE = 1_000
# Assessment fields an import sets, with the words a history record uses for them.
ASSESSMENT_FIELDS = {
    "support_level": "support level",
    "summary": "summary",
    "details": "details",
    "last_reviewed": "last reviewed",
}
SOURCE_FIELDS = {name: Source._meta.get_field(name) for name in ("title", "url")}
POINT_FIELDS = {
    "key_difference": "key difference",
    "edge": "edge",
    "edge_framework": "edge framework",
    "position": "position",
}


def _render_jobs(jobs: list[tuple[str, str]]) -> list[str]:
    return [render_markdown(source, id_prefix=id_prefix) for source, id_prefix in jobs]


class MarkdownRenderer:
    """Fills the `*_html` fields of unsaved rows, on the other CPU cores while the import goes on.

    Rendering (Pygments' highlighting most of all) is a large part of a big
    import and needs nothing but the text, so forked workers
    render each batch handed to `add()` while this process checks and writes
    other batches; the callable `add()` returns waits for the batch's HTML and
    fills it in. Each row's heading-id prefix is the one a save would give it.
    Small imports render in this process.
    """

    def __init__(self, *, parallel: bool):
        workers = min(len(os.sched_getaffinity(0)), 8)  # the CPUs this process may use, not the host's
        self.pool = None
        if parallel and workers > 1:
            # Forked workers inherit the loaded code and never touch the database connection.
            self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        self.early = {}  # id prefix -> (source, future, index in its batch), see render_early

    def render_early(self, batches) -> None:
        """Start rendering batches of (source, id prefix) now, before their rows exist.

        `add()` then takes a field's HTML from here when its source and prefix
        match, instead of rendering it again. Only with a pool of workers.
        """
        if self.pool is None:
            return
        for jobs in batches:
            future = self.pool.submit(_render_jobs, jobs)
            for index, (source, prefix) in enumerate(jobs):
                self.early[prefix] = (source, future, index)

    def add(self, instances):
        jobs, targets, early = [], [], []
        for instance in instances:
            for source, html in instance.markdown_fields.items():
                text, prefix = getattr(instance, source), markdown_id_prefix(instance.natural_key(), source)
                started = self.early.pop(prefix, None)
                if started is not None and started[0] == text:
                    early.append((instance, html, started[1], started[2]))
                else:
                    jobs.append((text, prefix))
                    targets.append((instance, html))
        if self.pool is None or not jobs:
            pending = Future()
            pending.set_result(_render_jobs(jobs))
        else:
            pending = self.pool.submit(_render_jobs, jobs)

        def fill_in():
            self._assign(targets, pending.result())
            for instance, html, started, index in early:
                setattr(instance, html, started.result()[index])

        return fill_in

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    @staticmethod
    def _assign(targets, results) -> None:
        for (instance, html), rendered in zip(targets, results, strict=True):
            setattr(instance, html, rendered)


@dataclass
class _Pending:
    """Rows of one model checked and ready to be written together."""

    created: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    # id(instance) -> names of the fields that changed, for its history record
    reasons: dict = field(default_factory=dict)


def _prepare(kind, pending, report, path, instance, before, values, *, exclude) -> bool:
    """Apply `values` to a new or stored row and check its fields; False if it has errors."""
    for name, value in values.items():
        setattr(instance, name, value)
    try:
        # Uniqueness was checked for the whole file, and the foreign keys point at rows in hand.
        instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            report.errors.extend((f"{path}.{name}" if name != "__all__" else path, m) for m in messages)
        return False
    if before is None:
        pending.created.append(instance)
        instance._change_reason = "Added"
        report.count(report.created, kind)
        return True
    changed = [name for name in values if getattr(instance, name) != before[name]]
    if changed:
        pending.changed.append(instance)
        pending.reasons[id(instance)] = changed
        report.count(report.updated, kind)
    else:
        report.count(report.unchanged, kind)
    return True


def _changed_in_words(model_fields: dict, names) -> str:
    reason = "Changed " + ", ".join(model_fields.get(name, name) for name in names)
    return reason if len(reason) <= 100 else reason[:99] + "…"


def _needs_rendering(pending) -> list:
    """The rows of `pending` whose HTML must be rendered anew."""
    return pending.created + [row for row in pending.changed if _renders(row, pending.reasons[id(row)])]


def _save_pending(model, pending, words: dict) -> None:
    """Insert the new rows and update the changed ones (version + 1); their HTML is rendered already.

    `words` names the fields the import sets, for the history records' change reasons.
    """
    model.objects.bulk_create(pending.created, batch_size=BULK_BATCH_SIZE)
    now = timezone.now()
    for instance in pending.changed:
        instance.version += 1
        instance.updated_at = now
        instance._change_reason = _changed_in_words(words, pending.reasons[id(instance)])
    html_fields = list(model.markdown_fields.values())
    update_fields = [*words, *html_fields, "version", "updated_at"]
    model.objects.bulk_update(pending.changed, update_fields, batch_size=BULK_BATCH_SIZE)


def _renders(instance, changed_names) -> bool:
    return any(name in instance.markdown_fields for name in changed_names)


def _record_history(model, created, changed, m2m=None):
    """History records for bulk-written rows, as a save would have made them (with m2m snapshots)."""
    records = _history_of_new_rows(model, [instance.pk for instance in created], "Added") if created else []
    if changed:
        written = model.history.bulk_history_create(changed, batch_size=BULK_BATCH_SIZE, update=True)
        records += [(record.id, record.history_id) for record in written]
    if m2m is None or not records:
        return
    field_name, through = m2m
    history_model = model.history.model
    m2m_history = history_model._meta.get_field(f"{history_model._meta.model_name}_{field_name}").related_model
    own = model._meta.model_name
    links = defaultdict(list)
    for link in through.objects.filter(**{f"{own}_id__in": [row_id for row_id, _ in records]}):
        links[getattr(link, f"{own}_id")].append(link)
    m2m_history.objects.bulk_create(
        [
            m2m_history(
                history_id=history_id,
                **{column.attname: getattr(link, column.attname) for column in through._meta.fields},
            )
            for row_id, history_id in records
            for link in links[row_id]
        ],
        batch_size=BULK_BATCH_SIZE,
    )


def _history_of_new_rows(model, ids: list[int], reason: str) -> list[tuple[int, int]]:
    """History records ("+") of rows just inserted, copied by the database itself: (row id, history id) pairs.

    What simple-history's bulk_history_create writes for new rows, without building
    a Python object per record: for 100,000 rows that was a quarter of an import.
    The columns are the history model's tracked fields, so they follow the model.
    """
    history_model = model.history.model
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in history_model.tracked_fields)
    pk = quote(model._meta.pk.column)
    now = timezone.now()
    pairs = []
    with connection.cursor() as cursor:
        for start in range(0, len(ids), BULK_BATCH_SIZE):
            batch = ids[start : start + BULK_BATCH_SIZE]
            cursor.execute(
                f"INSERT INTO {quote(history_model._meta.db_table)} "  # noqa: S608 (names from the models)
                f"({columns}, history_date, history_change_reason, history_type, history_user_id) "
                f"SELECT {columns}, %s, %s, '+', NULL FROM {quote(model._meta.db_table)} "
                f"WHERE {pk} IN ({', '.join(['%s'] * len(batch))}) RETURNING {pk}, history_id",
                [now, reason, *batch],
            )
            pairs += cursor.fetchall()
    return pairs


@dataclass
class _AssessmentBatch:
    """One framework's assessments, checked: what to insert, update and relink."""

    pending: _Pending = field(default_factory=_Pending)
    # (assessment, what it should link to) for rows whose extensions or sources differ from the file
    extension_changes: list = field(default_factory=list)
    source_changes: list = field(default_factory=list)
    rendered: object = None  # waits for the batch's HTML (MarkdownRenderer.add)


def _write_assessments(rows, report, lookup, renderer) -> None:
    """Upsert every assessment of the file, one framework's cells at a time.

    A pipeline: while the workers render batch k, this process checks batch
    k + 1 and writes batch k - 1. After the first problem nothing more is
    written (the transaction is rolled back), but checking goes on so that the
    report names every problem.
    """
    by_framework = defaultdict(list)
    for i, row in enumerate(rows):
        by_framework[row["framework"]].append((i, row))
    written, previous = False, None
    for framework_slug, framework_rows in by_framework.items():
        batch = _check_assessments(framework_slug, framework_rows, report, lookup)
        if batch is None or report.errors:
            continue
        batch.rendered = renderer.add(_needs_rendering(batch.pending))
        if previous is not None:
            written |= _write_assessment_batch(previous)
        previous = batch
    if previous is not None and not report.errors:
        written |= _write_assessment_batch(previous)
    if written:
        content_changed()  # bulk writes send no signals


def _check_assessments(framework_slug, framework_rows, report, lookup) -> _AssessmentBatch | None:
    """Compare one framework's assessments in the file with the stored ones (locked); write nothing."""
    framework = lookup("frameworks", Framework, framework_slug)
    if framework.pk is None:
        return None  # the framework failed validation; that is reported already
    batch = _AssessmentBatch()
    stored = (
        Assessment.objects.select_for_update(of=("self",))
        .filter(framework=framework)
        .select_related("criterion")
        .prefetch_related("extensions", Prefetch("sources", queryset=Source.objects.order_by("position", "id")))
    )
    stored = {assessment.criterion.slug: assessment for assessment in stored}
    for i, row in framework_rows:
        path = f"$.assessments[{i}]"
        criterion = lookup("criteria", Criterion, row["criterion"])
        if criterion.pk is None:
            continue
        instance = stored.get(row["criterion"])
        before = None
        if instance is None:
            instance = Assessment(framework=framework, criterion=criterion)
            current_extensions, current_sources = set(), []
        else:
            before = {name: getattr(instance, name) for name in ASSESSMENT_FIELDS}
            current_extensions = {extension.pk for extension in instance.extensions.all()}
            current_sources = [(source.title, source.url) for source in instance.sources.all()]
        values = {
            "support_level": row["support_level"],
            "summary": row["summary"],
            "details": row["details"],
            "last_reviewed": parse_date(row["last_reviewed"]),
        }
        exclude = ["framework", "criterion", "extensions"]
        if not _prepare("assessments", batch.pending, report, path, instance, before, values, exclude=exclude):
            continue
        wanted_extensions = {lookup("extensions", Extension, slug).pk for slug in row["extensions"]}
        if wanted_extensions != current_extensions:
            batch.extension_changes.append((instance, wanted_extensions))
            report.count(report.updated, "assessment_extensions")
        wanted_sources = _checked_sources(row["sources"], report, path)
        if wanted_sources is not None and wanted_sources != current_sources:
            batch.source_changes.append((instance, wanted_sources))
            report.count(report.updated, "sources")
    return batch


def _write_assessment_batch(batch: _AssessmentBatch) -> bool:
    """Write one checked batch once its HTML is rendered; True if anything was written."""
    pending = batch.pending
    batch.rendered()
    # Changed links are changes of the row: named in its history, and a stored row whose only
    # change they are gets a new version too.
    created = {id(instance) for instance in pending.created}
    for name, changes in (("extensions", batch.extension_changes), ("sources", batch.source_changes)):
        for instance, _ in changes:
            if id(instance) in created:
                continue
            if id(instance) not in pending.reasons:
                pending.reasons[id(instance)] = []
                pending.changed.append(instance)
            pending.reasons[id(instance)].append(name)
    _save_pending(Assessment, pending, ASSESSMENT_FIELDS)
    _replace_extensions(batch.extension_changes, created)
    _replace_sources(batch.source_changes, created)
    _record_history(Assessment, pending.created, pending.changed, m2m=("extensions", Assessment.extensions.through))
    return bool(pending.created or pending.changed)


def _checked_sources(sources, report, path):
    wanted = [(source["title"], source["url"]) for source in sources]
    errors_before = len(report.errors)
    urls = [url for _, url in wanted]
    for j, url in enumerate(urls):
        if url in urls[:j]:
            report.errors.append((f"{path}.sources[{j}].url", "Each source URL may appear only once."))
    for j, source in enumerate(sources):
        for name in ("title", "url"):
            # The fields' own checks, without building a row for each source.
            try:
                SOURCE_FIELDS[name].clean(source[name], None)
            except ValidationError as error:
                report.errors.extend((f"{path}.sources[{j}].{name}", message) for message in error.messages)
    return wanted if len(report.errors) == errors_before else None


def _stored(changes: list, new_rows: set) -> list[int]:
    """The ids of the changed rows that existed before this import (new rows have no links to remove)."""
    return [instance.pk for instance, _ in changes if id(instance) not in new_rows]


def _replace_extensions(changes: list, new_rows: set) -> None:
    through = Assessment.extensions.through
    if stored := _stored(changes, new_rows):
        through.objects.filter(assessment_id__in=stored).delete()
    through.objects.bulk_create(
        [through(assessment_id=a.pk, extension_id=e) for a, wanted in changes for e in sorted(wanted)],
        batch_size=BULK_BATCH_SIZE,
    )


def _replace_sources(changes: list, new_rows: set) -> None:
    if stored := _stored(changes, new_rows):
        Source.objects.filter(assessment__in=stored).delete()
    created = Source.objects.bulk_create(
        [
            Source(assessment=instance, title=title, url=url, position=j)
            for instance, wanted in changes
            for j, (title, url) in enumerate(wanted)
        ],
        batch_size=BULK_BATCH_SIZE,
    )
    _history_of_new_rows(Source, [source.pk for source in created], "Added")


def _write_points(comparison, rows, path, report, lookup) -> None:
    """Upsert a comparison's key differences, in bulk."""
    if comparison.pk is None:
        return
    pending = _Pending()
    stored = {
        point.criterion.slug: point
        for point in ComparisonPoint.objects.select_for_update(of=("self",))
        .filter(comparison=comparison)
        .select_related("criterion")
    }
    for j, row in enumerate(rows):
        instance = stored.get(row["criterion"])
        before = None
        if instance is None:
            instance = ComparisonPoint(comparison=comparison, criterion=lookup("criteria", Criterion, row["criterion"]))
        else:
            before = {name: getattr(instance, name) for name in POINT_FIELDS}
        values = {
            "key_difference": row["key_difference"],
            "edge": row["edge"],
            "edge_framework": lookup("frameworks", Framework, row["edge_framework"]) if row["edge_framework"] else None,
            "position": row["position"],
        }
        exclude = ["comparison", "criterion", "edge_framework"]
        _prepare(
            "comparison_points",
            pending,
            report,
            f"{path}.points[{j}]",
            instance,
            before,
            values,
            exclude=exclude,
        )
    if report.errors:
        return
    MarkdownRenderer(parallel=False).add(_needs_rendering(pending))()
    _save_pending(ComparisonPoint, pending, POINT_FIELDS)
    _record_history(ComparisonPoint, pending.created, pending.changed)
    if pending.created or pending.changed:
        content_changed()


def load_dataset_text(text: str):
    """Parse dataset text; a JSON syntax error becomes a report with its position."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        report = ImportReport(
            errors=[("$", f"Not valid JSON: {error.msg} (line {error.lineno}, column {error.colno}).")]
        )
        raise DatasetInvalid(report) from None
