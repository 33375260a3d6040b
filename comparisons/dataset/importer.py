"""Import: upsert a validated dataset by slug in one transaction, the many rows in bulk.

Rows that did not change are not written, so importing the same file twice
changes nothing. History records are written as a save would write them,
through django-simple-history's bulk utilities.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils.dateparse import parse_datetime

from ..caching import content_changed
from ..choices import ComparisonStatus
from ..models import (
    Assessment,
    Comparison,
    ComparisonPoint,
    Criterion,
    CriterionGroup,
    DataCredit,
    Evidence,
    Extension,
    Framework,
    Release,
    Source,
    Tag,
)
from ..versions import parse_version
from . import bulk
from .format import LICENSE
from .rendering import MarkdownRenderer, with_markdown_as_stored
from .source import Dataset
from .validation import DatasetInvalid, ImportReport, validation_errors


class _Upserter:
    """Writes one kind of row at a time; a row is saved only if one of its values changed."""

    def __init__(self, report: ImportReport):
        self.report = report

    def upsert(self, kind, path, model, lookup: dict, values: dict, *, validate_constraints=True):
        """Create or update one row; returns it and whether it is new.

        `validate_constraints=False` for models whose check constraints all repeat a field's validators.

        Checking a constraint costs a query; the field checks give the same error with its path, and
        the database still enforces every constraint.
        """
        instance = model.objects.filter(**lookup).first()
        created = instance is None
        if created:
            instance = model(**lookup)
        before = None if created else {name: getattr(instance, name) for name in values}
        values = with_markdown_as_stored(instance, values)
        for name, value in values.items():
            setattr(instance, name, value)
        try:
            instance.full_clean(validate_constraints=validate_constraints)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                for message in messages:
                    self.report.errors.append((f"{path}.{name}" if name != "__all__" else path, message))
            return instance, created
        changed = created or before != {name: getattr(instance, name) for name in values}
        if changed:
            instance.save()
        self.report.count(
            self.report.created if created else (self.report.updated if changed else self.report.unchanged), kind
        )
        return instance, created

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

    `data` is a Dataset (a file read as a stream) or the parsed document.
    Raises DatasetInvalid (with every problem and its JSON path) before writing
    anything if the dataset is not sound.
    """
    dataset = data if isinstance(data, Dataset) else Dataset.from_data(data)
    report = ImportReport(errors=validation_errors(dataset))
    if report.errors:
        raise DatasetInvalid(report)
    try:
        with transaction.atomic():
            _write(dataset, report, render=not validate_only)
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


BULK_WRITTEN_MODELS = (Criterion, Assessment, Assessment.extensions.through, Source, ComparisonPoint)


def refresh_planner_statistics() -> None:
    """ANALYZE the tables an import fills in bulk (the ones pages query by the thousand)."""
    if connection.vendor == "postgresql":
        tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in BULK_WRITTEN_MODELS)
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {tables}")


def _write(dataset: Dataset, report: ImportReport, *, render: bool) -> None:
    # A dry run is rolled back: the HTML it would render is never read, so it is not rendered.
    renderer = MarkdownRenderer(render=render)
    try:
        _write_rows(dataset, report, renderer)
    finally:
        renderer.close()


def _credit_licences(data: dict, report: ImportReport) -> None:
    """Third-party data keeps its licence: recorded, credited on every page, exported again under `credits`."""
    licences = {"$.license": data["license"]}
    licences |= {f"$.credits[{i}]": licence for i, licence in enumerate(data.get("credits", []))}
    for path, licence in licences.items():
        if licence == LICENSE or DataCredit.objects.filter(**licence).exists():
            continue
        credit = DataCredit(**licence)
        try:
            credit.full_clean()
        except ValidationError as error:
            report.errors.extend(
                (f"{path}.{name}", m) for name, messages in error.message_dict.items() for m in messages
            )
        else:
            credit.save()


def _write_rows(dataset: Dataset, report: ImportReport, renderer) -> None:
    data = dataset.head
    _credit_licences(data, report)
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
        # `latest_version` (format 1) is not taken: it is derived from the releases.
        unwritten = ("slug", "tags", "releases", "latest_version")
        values = {k: v for k, v in row.items() if k not in unwritten} | {"is_published": True}
        framework, created = upserter.upsert(
            "frameworks", f"$.frameworks[{i}]", Framework, {"slug": row["slug"]}, values, **vocabulary
        )
        remember("frameworks", framework)
        if upserter.set_many(framework, "tags", [lookup("tags", Tag, slug) for slug in row["tags"]]):
            report.count(report.created if created else report.updated, "framework_tags")
        if framework.pk is not None and "releases" in row:
            bulk.write_releases(framework, row["releases"], report)
    by_slug["criteria"] = bulk.write_criteria(data["criteria"], report, lookup, renderer)
    with_evidence = bulk.write_assessments(dataset.rows(), report, lookup, renderer)
    if not report.errors:
        _write_evidence(with_evidence, report)
    for i, row in enumerate(data["comparisons"]):
        path = f"$.comparisons[{i}]"
        values = {k: row[k] for k in ("title", "tldr", "introduction", "conclusion")} | {
            "status": ComparisonStatus.PUBLISHED,
            "published_at": parse_datetime(row["published_at"]),
        }
        comparison, created = upserter.upsert("comparisons", path, Comparison, {"slug": row["slug"]}, values)
        frameworks = [lookup("frameworks", Framework, slug) for slug in row["frameworks"]]
        if upserter.set_many(comparison, "frameworks", frameworks):
            report.count(report.created if created else report.updated, "comparison_frameworks")
        comparison.submitted_frameworks = frameworks  # what ComparisonPoint.clean checks edges against
        if comparison.pk is None:
            continue
        bulk.write_points(comparison, row["points"], path, report, lookup, renderer)


EVIDENCE_FIELDS = ("kind", "probe_sha", "example_sha", "outcome", "output", "duration", "ran_at")


def _write_evidence(rows, report: ImportReport) -> None:
    """Upsert the probe results the file carries (`rows`: the assessments with some), by probe, release and Python."""
    if not rows:
        return
    frameworks = {row["framework"] for row in rows}
    assessments = {
        (a.framework.slug, a.criterion.slug): a
        for a in Assessment.objects.filter(framework__slug__in=frameworks).select_related("framework", "criterion")
    }
    releases = {
        (release.framework.slug, parse_version(release.version)): release
        for release in Release.objects.filter(framework__slug__in=frameworks).select_related("framework")
    }
    stored = {
        (e.probe, e.release_id, e.python_version): e
        for e in Evidence.objects.filter(assessment__framework__slug__in=frameworks)
    }
    written = False
    for row in rows:
        assessment = assessments[(row["framework"], row["criterion"])]
        for item in row["evidence"]:
            release = releases[(row["framework"], parse_version(item["release"]))]
            values = {
                "assessment": assessment,
                "kind": item["kind"],
                "probe_sha": item["probe_sha"],
                "example_sha": item["example_sha"],
                "outcome": item["outcome"],
                "output": item["output"],
                "duration": datetime.timedelta(seconds=item["duration_seconds"]),
                "ran_at": parse_datetime(item["ran_at"]),
            }
            evidence = stored.get((item["probe"], release.pk, item["python"]))
            if evidence is None:
                Evidence.objects.create(probe=item["probe"], release=release, python_version=item["python"], **values)
                report.count(report.created, "evidence")
                written = True
            elif any(getattr(evidence, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(evidence, name, value)
                evidence.save()
                report.count(report.updated, "evidence")
                written = True
            else:
                report.count(report.unchanged, "evidence")
    if written:
        content_changed()  # evidence has no history or signals of its own
