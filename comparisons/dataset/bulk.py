"""The many rows of an import, written in bulk: assessments with their links, and comparison points.

Each row is checked with the model's own validation and compared with the
stored one; only new and changed rows are written, with history records and
change reasons as a save would make them.

Some 530 lines, one job: checking and writing the bulk of a file (criteria,
assessments with their five kinds of link, releases, comparison points) in
batches, through one pipeline (`_pipelined`).
"""

import itertools
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateparse import parse_date

from .. import bulk_writes, services
from ..caching import content_changed
from ..choices import SupportLevel
from ..models import (
    Assessment,
    CodeExample,
    ComparisonPoint,
    Criterion,
    CriterionGroup,
    Extension,
    Framework,
    Release,
    Source,
    SupportStatement,
)
from ..versions import current_statement, newest_release, parse_version
from .rendering import with_markdown_as_stored

BULK_BATCH_SIZE = 1_000
# Assessment fields an import sets, with the words a history record uses for them.
ASSESSMENT_FIELDS = {
    "support_level": "support level",
    "summary": "summary",
    "details": "details",
    "last_reviewed": "last reviewed",
    "since_version": "since",
}
SOURCE_FIELDS = {name: Source._meta.get_field(name) for name in ("title", "url")}
POINT_FIELDS = {
    "key_difference": "key difference",
    "edge": "edge",
    "edge_framework": "edge framework",
    "position": "position",
}


@dataclass
class _Pending:
    """Rows of one model checked and ready to be written together."""

    created: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    # id(instance) -> names of the fields that changed, for its history record
    reasons: dict = field(default_factory=dict)


def _prepare(kind, pending, report, path, instance, before, values, *, exclude, clean=True) -> bool:
    """Apply `values` to a new or stored row and check its fields (and `clean()`); False if it has errors."""
    for name, value in with_markdown_as_stored(instance, values).items():
        setattr(instance, name, value)
    try:
        # Uniqueness was checked for the whole file, and the foreign keys point at rows in hand.
        if clean:
            instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
        else:
            instance.clean_fields(exclude=exclude)
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


def _save_pending(model, pending, words: dict, *, key: tuple[str, ...]) -> None:
    """Insert the new rows and update the changed ones (version + 1); their HTML is rendered already.

    `words` names the fields the import sets, for the history records' change reasons;
    `key` the fields that tell the rows apart (see `bulk_writes.insert_new_rows`).
    """
    bulk_writes.insert_new_rows(model, pending.created, key=key)
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


def _record_history(model, created, changed, m2m_field=None):
    """History records for bulk-written rows, as a save would have made them (with m2m snapshots)."""
    records = bulk_writes.record_created(model, created)
    records += bulk_writes.record_changed(model, [(row, row._change_reason) for row in changed])
    if m2m_field is not None:
        bulk_writes.copy_m2m_history(model, m2m_field, records)


CRITERION_FIELDS = {
    "name": "name",
    "group": "group",
    "summary": "summary",
    "description": "description",
    "position": "position",
    "is_published": "published",
}


def write_criteria(rows, report, lookup, renderer) -> dict:
    """Upsert the file's criteria in bulk (a real matrix has thousands); returns slug -> criterion.

    The criteria returned hold only their id and slug, which is what the
    assessments need of them; a criterion with problems has no id.
    """
    ids, names = {}, {}

    def write(batch) -> bool:
        pending = batch.pending
        batch.rendered()
        _save_pending(Criterion, pending, CRITERION_FIELDS, key=("slug",))
        _record_history(Criterion, pending.created, pending.changed)
        ids.update((instance.slug, instance.pk) for instance in batch.sound)
        return bool(pending.created or pending.changed)

    checked = (_check_criteria(chunk, report, lookup, names) for chunk in _chunks(enumerate(rows), BULK_BATCH_SIZE))
    if _pipelined(checked, write, report, renderer):
        content_changed()
    return {row["slug"]: Criterion(pk=ids.get(row["slug"]), slug=row["slug"]) for row in rows}


@dataclass
class _CriterionBatch:
    pending: _Pending = field(default_factory=_Pending)
    sound: list = field(default_factory=list)
    rendered: object = None


def _check_criteria(chunk, report, lookup, names: dict) -> _CriterionBatch:
    """Compare a chunk of the file's criteria with the stored ones (locked); `names`: name -> slug so far."""
    batch = _CriterionBatch()
    slugs = [row["slug"] for _, row in chunk]
    stored = {c.slug: c for c in Criterion.objects.select_for_update().select_related("group").filter(slug__in=slugs)}
    taken = dict(Criterion.objects.filter(name__in=[row["name"] for _, row in chunk]).values_list("name", "slug"))
    for i, row in chunk:
        path = f"$.criteria[{i}]"
        instance = stored.get(row["slug"]) or Criterion(slug=row["slug"])
        before = None if instance.pk is None else {name: getattr(instance, name) for name in CRITERION_FIELDS}
        values = {name: row[name] for name in ("name", "summary", "description", "position")}
        values |= {"group": lookup("criterion_groups", CriterionGroup, row["group"]), "is_published": True}
        owner = names.setdefault(row["name"], row["slug"])
        if owner != row["slug"] or taken.get(row["name"], row["slug"]) != row["slug"]:
            report.errors.append((f"{path}.name", "Criterion with this Name already exists."))
        elif _prepare("criteria", batch.pending, report, path, instance, before, values, exclude=["group"]):
            batch.sound.append(instance)
    return batch


def _pipelined(checked_batches, write, report, renderer) -> bool:
    """Write checked batches in turn, each once its HTML is rendered; True if anything was written.

    While the workers render batch k, this process writes batch k - 1 and then
    checks batch k + 1 (`checked_batches` checks lazily), so memory holds three
    batches whatever the file's size. After the first problem nothing more is
    written (the transaction is rolled back), but checking goes on so that the
    report names every problem.
    """
    written, previous = False, None
    for batch in checked_batches:
        if report.errors:
            continue
        batch.rendered = renderer.add(_needs_rendering(batch.pending))
        if previous is not None:
            written |= write(previous)
        previous = batch
    if previous is not None and not report.errors:
        written |= write(previous)
    return written


RELEASE_FIELDS = {
    "released_on": "released_on",
    "yanked": "is_yanked",
    "requires_python": "requires_python",
    "lts": "is_lts",
    "supported_until": "supported_until",
}


def write_releases(framework, rows, report) -> None:
    """Add the file's releases the framework lacks and update the ones that differ; none is deleted."""
    stored = {parse_version(release.version): release for release in framework.releases.all()}
    added, changed = [], []
    for row in rows:
        values = {name: row[key] for key, name in RELEASE_FIELDS.items()}
        for name in ("released_on", "supported_until"):
            values[name] = parse_date(values[name]) if values[name] else None
        release = stored.get(parse_version(row["version"]))
        if release is None:
            added.append(Release(framework=framework, version=row["version"], **values))
            report.count(report.created, "releases")
        elif any(getattr(release, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(release, name, value)
            changed.append(release)
            report.count(report.updated, "releases")
        else:
            report.count(report.unchanged, "releases")
    if added or changed:
        bulk_writes.create_with_history(Release, added)
        bulk_writes.update_with_history(Release, changed, list(RELEASE_FIELDS.values()), "Changed")
        services.refresh_releases([framework.pk])
        content_changed()


@dataclass
class _AssessmentBatch:
    """A chunk of assessments, checked: what to insert, update and relink."""

    pending: _Pending = field(default_factory=_Pending)
    # (assessment, what it should link to) for rows whose extensions or sources differ from the file
    extension_changes: list = field(default_factory=list)
    source_changes: list = field(default_factory=list)
    statement_changes: list = field(default_factory=list)
    example_changes: list = field(default_factory=list)
    rendered: object = None  # waits for the batch's HTML (MarkdownRenderer.add)


# Rows checked and written together; the stream of a file's assessments is read this many at a time.
ASSESSMENT_CHUNK_SIZE = 2_000


def write_assessments(rows, report, lookup, renderer) -> list[dict]:
    """Upsert the file's assessments, read as a stream of (index, row), a chunk at a time (see `_pipelined`).

    Returns the rows that carry evidence, written afterwards.
    """
    releases = _FrameworkReleases()
    with_evidence = []

    def checked():
        for chunk in _chunks(rows, ASSESSMENT_CHUNK_SIZE):
            with_evidence.extend(row for _, row in chunk if row.get("evidence"))
            yield _check_assessments(chunk, report, lookup, releases)

    if _pipelined(checked(), _write_assessment_batch, report, renderer):
        content_changed()  # bulk writes send no signals
    return with_evidence


def _chunks(items, size):
    items = iter(items)
    while chunk := list(itertools.islice(items, size)):
        yield chunk


class _FrameworkReleases(dict):
    """framework id -> ({version: release}, newest release), read once per framework."""

    def __missing__(self, framework):
        releases = {parse_version(release.version): release for release in framework.releases.all()}
        self[framework] = (releases, newest_release(releases.values()))
        return self[framework]


@dataclass
class _StoredLinks:
    """What a stored assessment links to, as the import compares it with the file."""

    extensions: set = field(default_factory=set)  # extension ids
    sources: list = field(default_factory=list)  # (title, url) in order
    statements: list = field(default_factory=list)  # SupportStatement rows, with their releases
    examples: list = field(default_factory=list)  # CodeExample rows, in order


def _stored_assessments(frameworks, criteria) -> dict:
    """The stored assessments of these frameworks and criteria, locked, by (framework id, criterion id).

    Each comes with its `_StoredLinks`, read with one query per kind of link:
    `prefetch_related` builds a queryset per assessment and kind, which was
    70 % of re-importing an unchanged file.
    """
    assessments = {
        assessment.pk: assessment
        for assessment in Assessment.objects.select_for_update(of=("self",)).filter(
            framework__in=frameworks, criterion__in=criteria
        )
    }
    links = {pk: _StoredLinks() for pk in assessments}
    ids = list(assessments)
    extensions = Assessment.extensions.through.objects.filter(assessment_id__in=ids)
    for assessment_id, extension_id in extensions.values_list("assessment_id", "extension_id"):
        links[assessment_id].extensions.add(extension_id)
    sources = Source.objects.filter(assessment_id__in=ids).order_by("position", "id")
    for assessment_id, title, url in sources.values_list("assessment_id", "title", "url"):
        links[assessment_id].sources.append((title, url))
    for statement in SupportStatement.objects.filter(assessment_id__in=ids).select_related("since", "until"):
        links[statement.assessment_id].statements.append(statement)
    for example in CodeExample.objects.filter(assessment_id__in=ids):
        links[example.assessment_id].examples.append(example)
    return {(a.framework_id, a.criterion_id): (a, links[pk]) for pk, a in assessments.items()}


def _check_assessments(chunk, report, lookup, framework_releases) -> _AssessmentBatch:
    """Compare a chunk of the file's assessments with the stored ones (locked); write nothing."""
    batch = _AssessmentBatch()
    frameworks = {slug: lookup("frameworks", Framework, slug) for slug in {row["framework"] for _, row in chunk}}
    criteria = {slug: lookup("criteria", Criterion, slug) for slug in {row["criterion"] for _, row in chunk}}
    stored = _stored_assessments(
        [framework for framework in frameworks.values() if framework.pk is not None],
        [criterion for criterion in criteria.values() if criterion.pk is not None],
    )
    for i, row in chunk:
        path = f"$.assessments[{i}]"
        framework, criterion = frameworks[row["framework"]], criteria[row["criterion"]]
        if framework.pk is None or criterion.pk is None:
            continue  # the framework or criterion failed validation; that is reported already
        releases, newest = framework_releases[framework]
        instance, links = stored.get((framework.pk, criterion.pk), (None, _StoredLinks()))
        before = None
        if instance is None:
            instance = Assessment(framework=framework, criterion=criterion)
        else:
            instance.framework, instance.criterion = framework, criterion  # in hand: no query for either
            before = {name: getattr(instance, name) for name in ASSESSMENT_FIELDS}
        current_statements = services.statement_rows(links.statements)
        current_examples = services.example_rows(links.examples)
        values = {
            "support_level": row["support_level"],
            "summary": row["summary"],
            "details": row["details"],
            "last_reviewed": parse_date(row["last_reviewed"]),
        }
        # A format 1 file says nothing of statements: the stored ones stay, and still set the level.
        statements = _statements_of(row, releases) if "statements" in row else None
        in_force = statements if statements is not None else links.statements
        if in_force:
            current = current_statement(in_force, newest)
            level = current.support_level if current is not None else SupportLevel.UNKNOWN
            if level != row["support_level"]:
                message = f"The support statements give “{SupportLevel(level).label}” at the newest release."
                report.errors.append((f"{path}.support_level", message))
                continue
            values["since_version"] = current.since.version if current is not None and current.since else ""
        elif before is not None and instance.since_version:
            values["since_version"] = ""
        exclude = ["framework", "criterion", "extensions"]
        # Assessment.clean() guards moving a cell to another framework (a query per stored row);
        # an import finds each cell by its framework and criterion, so it never moves one.
        prepared = _prepare(
            "assessments", batch.pending, report, path, instance, before, values, exclude=exclude, clean=False
        )
        if not prepared:
            continue
        # Links of a new assessment are created, not updated.
        links_bucket = report.created if before is None else report.updated
        wanted_extensions = {lookup("extensions", Extension, slug).pk for slug in row["extensions"]}
        if wanted_extensions != links.extensions:
            batch.extension_changes.append((instance, wanted_extensions))
            report.count(links_bucket, "assessment_extensions")
        wanted_sources = _checked_sources(row["sources"], links.sources, report, path)
        if wanted_sources is not None and wanted_sources != links.sources:
            batch.source_changes.append((instance, wanted_sources))
            report.count(links_bucket, "sources")
        if statements is not None and services.statement_rows(statements) != current_statements:
            batch.statement_changes.append((instance, statements))
            report.count(links_bucket, "support_statements")
        if "code_examples" in row:
            examples = _checked_examples(row["code_examples"], releases, report, path)
            if examples is not None and services.example_rows(examples) != current_examples:
                batch.example_changes.append((instance, examples))
                report.count(links_bucket, "code_examples")
    return batch


def _statements_of(row, releases) -> list:
    return [
        SupportStatement(
            support_level=s["support_level"],
            since=releases.get(parse_version(s["since"])) if s["since"] else None,
            until=releases.get(parse_version(s["until"])) if s["until"] else None,
            note=s["note"],
        )
        for s in row["statements"]
    ]


def _checked_examples(rows, releases, report, path):
    examples = []
    errors_before = len(report.errors)
    for j, row in enumerate(rows):
        release = releases.get(parse_version(row["release"])) if row["release"] else None
        example = CodeExample(**{**row, "release": release})
        try:
            # The release is one of the framework's own, in hand (the file's references were checked):
            # validating the foreign key again would cost a query per example.
            example.full_clean(exclude=["assessment", "release"], validate_constraints=False)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                report.errors.extend((f"{path}.code_examples[{j}].{name}", m) for m in messages)
        examples.append(example)
    return examples if len(report.errors) == errors_before else None


def _write_assessment_batch(batch: _AssessmentBatch) -> bool:
    """Write one checked batch once its HTML is rendered; True if anything was written."""
    pending = batch.pending
    batch.rendered()
    # Changed links are changes of the row: named in its history, and a stored row whose only
    # change they are gets a new version too.
    created = {id(instance) for instance in pending.created}
    link_changes = (
        ("extensions", batch.extension_changes),
        ("sources", batch.source_changes),
        ("support statements", batch.statement_changes),
        ("code examples", batch.example_changes),
    )
    for name, changes in link_changes:
        for instance, _ in changes:
            if id(instance) in created:
                continue
            if id(instance) not in pending.reasons:
                pending.reasons[id(instance)] = []
                pending.changed.append(instance)
            pending.reasons[id(instance)].append(name)
    _save_pending(Assessment, pending, ASSESSMENT_FIELDS, key=("framework_id", "criterion_id"))
    created_ids = {instance.pk for instance in pending.created}
    services.replace_extensions(batch.extension_changes, created=created_ids)
    services.replace_sources(batch.source_changes, created=created_ids)
    services.replace_statements(batch.statement_changes, created=created_ids)
    services.replace_code_examples(batch.example_changes, created=created_ids)
    _record_history(Assessment, pending.created, pending.changed, m2m_field="extensions")
    return bool(pending.created or pending.changed)


def _checked_sources(sources, current, report, path):
    """The (title, url) pairs the file gives, or None if one is refused; the stored ones were checked already."""
    wanted = [(source["title"], source["url"]) for source in sources]
    if wanted == current:
        return wanted
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


def write_points(comparison, rows, path, report, lookup, renderer) -> None:
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
    renderer.add(_needs_rendering(pending))()
    _save_pending(ComparisonPoint, pending, POINT_FIELDS, key=("comparison_id", "criterion_id"))
    _record_history(ComparisonPoint, pending.created, pending.changed)
    if pending.created or pending.changed:
        content_changed()
