"""Writes with rules, used by the admin, the API and the import alike.

Every write is recorded in the content's history: single rows through
Model.save() and django-simple-history's signals, rows written in bulk through
`bulk_writes` (the same records, copied by the database).

Some 480 lines: the write rules of the whole knowledge base in one place
(assessments and their links, releases and the levels derived from them,
publishing, revert and restore, accepting evidence), so no write path has rules of its own.
"""

import datetime
import itertools

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from . import bulk_writes
from .caching import content_changed
from .choices import ComparisonStatus, DisagreementKind, DisagreementStatus, SupportLevel
from .models import (
    Assessment,
    CodeExample,
    Comparison,
    ComparisonPoint,
    Criterion,
    CriterionGroup,
    Disagreement,
    Extension,
    Framework,
    Release,
    Source,
    SupportStatement,
    Tag,
)
from .versions import current_statement, newest_release, parse_version, sorted_by_version

HISTORY_TRACKED = [
    Tag,
    CriterionGroup,
    Extension,
    Framework,
    Criterion,
    Assessment,
    Source,
    Comparison,
    ComparisonPoint,
    Release,
    SupportStatement,
    CodeExample,
]


BULK_BATCH_SIZE = 1_000


@transaction.atomic
def save_assessment(
    assessment: Assessment, *, extensions=None, sources=None, statements=None, code_examples=None
) -> Assessment:
    """Save one assessment with its links: extensions, sources ((title, url) pairs in order),
    support statements and code examples (unsaved rows, in order).

    None leaves those links as they are. The import does the same for many
    assessments at once with the `replace_*` functions below.
    """
    created = assessment.pk is None
    if statements is not None:
        assessment.pending_statements = statements  # the level is taken from these when it is saved
    if not created:
        assessment.links_changed = set()
        if sources is not None and list(assessment.sources.values_list("title", "url")) != list(sources):
            assessment.links_changed.add("sources")
        if statements is not None and statement_rows(assessment.statements.all()) != statement_rows(statements):
            assessment.links_changed.add("support statements")
        if code_examples is not None and example_rows(assessment.code_examples.all()) != example_rows(code_examples):
            assessment.links_changed.add("code examples")
    assessment.save()
    just_created = {assessment.pk} if created else frozenset()
    if extensions is not None:
        assessment.extensions.set(extensions)
    if sources is not None:
        replace_sources([(assessment, sources)], created=just_created)
    if statements is not None:
        replace_statements([(assessment, statements)], created=just_created)
    if code_examples is not None:
        replace_code_examples([(assessment, code_examples)], created=just_created)
    if statements is not None:
        del assessment.pending_statements
        assessment.refresh_from_db(fields=["support_level", "since_version"])  # as the statements set them
    return assessment


def statement_rows(statements) -> list[tuple]:
    """Support statements as comparable values, in no particular order: (since id, until id, level, note)."""
    return sorted((s.since_id or 0, s.until_id or 0, s.support_level, s.note) for s in statements)


def example_rows(examples) -> list[tuple]:
    """Code examples as comparable values."""
    return [(e.title, e.language, e.release_id, e.requirements, e.code, e.output) for e in examples]


def _replace_rows(model, changes, created, prepare) -> None:
    """Delete the stored rows of `model` of each assessment in `changes` and create the given ones.

    `prepare(assessment, rows)` readies one assessment's new rows; `created` holds
    the ids of assessments just created, which have none to delete.
    """
    stored = [assessment.pk for assessment, _ in changes if assessment.pk not in created]
    if stored:
        model.objects.filter(assessment__in=stored).delete()
    rows = [row for assessment, wanted in changes for row in prepare(assessment, wanted)]
    bulk_writes.create_with_history(model, rows)


def replace_statements(changes, *, created=frozenset()) -> None:
    """Give each assessment exactly these support statements: (assessment, [SupportStatement, ...]) pairs.

    The assessments' current levels follow (the statement covering the newest release).
    """
    if not changes:
        return

    def prepare(assessment, statements):
        for statement in statements:
            statement.pk, statement.assessment = None, assessment
        return statements

    _replace_rows(SupportStatement, changes, created, prepare)
    refresh_current_levels(Assessment.objects.filter(pk__in=[assessment.pk for assessment, _ in changes]))


def replace_code_examples(changes, *, created=frozenset()) -> None:
    """Give each assessment exactly these code examples, in order: (assessment, [CodeExample, ...]) pairs."""
    if not changes:
        return

    def prepare(assessment, examples):
        for position, example in enumerate(examples):
            example.pk, example.assessment, example.position = None, assessment, position
            example.render_code()  # bulk_create sends no pre_save signal
        return examples

    _replace_rows(CodeExample, changes, created, prepare)


def replace_sources(changes, *, created=frozenset()) -> None:
    """Give each assessment exactly these sources: `changes` are (assessment, [(title, url), ...]) pairs.

    `created` holds the ids of assessments just created, which have no sources to remove.
    """
    stored = [assessment.pk for assessment, _ in changes if assessment.pk not in created]
    if stored:
        Source.objects.filter(assessment__in=stored).delete()
    rows = [
        (assessment.pk, title, url, position)
        for assessment, wanted in changes
        for position, (title, url) in enumerate(wanted)
    ]
    bulk_writes.insert_children(Source, "assessment", ("assessment", "title", "url", "position"), rows)


def replace_extensions(changes, *, created=frozenset()) -> None:
    """Link each assessment to exactly these extensions: `changes` are (assessment, extension ids) pairs.

    For many assessments at once; the links are part of each assessment's next history record.
    """
    through = Assessment.extensions.through
    stored = [assessment.pk for assessment, _ in changes if assessment.pk not in created]
    if stored:
        through.objects.filter(assessment_id__in=stored).delete()
    through.objects.bulk_create(
        [
            through(assessment_id=assessment.pk, extension_id=pk)
            for assessment, wanted in changes
            for pk in sorted(wanted)
        ],
        batch_size=BULK_BATCH_SIZE,
    )


def refresh_releases(framework_ids) -> None:
    """After releases change: number them in PEP 440 order, and derive what depends on the newest one.

    Each framework's `latest_version`, and the current level of its assessments
    that have support statements (the statement covering the newest release).
    """
    frameworks = Framework.objects.filter(pk__in=set(framework_ids)).prefetch_related("releases")
    for framework in frameworks:
        releases = sorted_by_version(framework.releases.all())
        renumbered = []
        for ordinal, release in enumerate(releases, start=1):
            if release.ordinal != ordinal:
                release.ordinal = ordinal
                renumbered.append(release)
        Release.objects.bulk_update(renumbered, ["ordinal"], batch_size=BULK_BATCH_SIZE)
        newest = newest_release(releases)
        latest_version = newest.version if newest else ""
        if framework.latest_version != latest_version:
            Framework.objects.filter(pk=framework.pk).update(latest_version=latest_version)
    refresh_current_levels(Assessment.objects.filter(framework_id__in=set(framework_ids)))


@transaction.atomic
def store_releases(framework, index_releases) -> tuple[int, int]:
    """Add the releases the index lists that the framework lacks, and update what the index says of the rest.

    Idempotent. Nothing is deleted, and the support facts editors keep (LTS,
    end of support) are left as they are. Returns (added, updated).
    """
    Framework.objects.select_for_update().filter(pk=framework.pk).first()  # one writer of its releases at a time
    stored = {parse_version(release.version): release for release in framework.releases.all()}
    added, updated = [], []
    for item in index_releases:
        facts = {"released_on": item.released_on, "is_yanked": item.is_yanked, "requires_python": item.requires_python}
        if parse_version(item.version) in stored:
            # What an index does not say (no upload times, no Requires-Python) does not erase what is known.
            facts = {name: value for name, value in facts.items() if value not in (None, "")} | {
                "is_yanked": item.is_yanked
            }
        release = stored.get(parse_version(item.version))
        if release is None:
            added.append(Release(framework=framework, version=item.version, **facts))
        elif any(getattr(release, name) != value for name, value in facts.items()):
            for name, value in facts.items():
                setattr(release, name, value)
            updated.append(release)
    bulk_writes.create_with_history(Release, added, "Added from the index")
    bulk_writes.update_with_history(
        Release, updated, ["released_on", "is_yanked", "requires_python"], "Updated from the index"
    )
    if added or updated:
        refresh_releases([framework.pk])
        content_changed()  # bulk writes send no signals
    return len(added), len(updated)


def current_level(statements, newest) -> tuple[str, str]:
    """(level, since) of the statement covering `newest`, the framework's newest release.

    A cell whose statements cover no current release is "unknown", never a guess.
    """
    current = current_statement(statements, newest)
    if current is None:
        return SupportLevel.UNKNOWN.value, ""
    return current.support_level, current.since.version if current.since is not None else ""


def current_of(framework_id, statements) -> tuple[str, str] | None:
    """`current_level` of these statements, reading the framework's releases; None without statements."""
    if not statements:
        return None
    return current_level(statements, newest_release(Release.objects.filter(framework_id=framework_id)))


def refresh_current_levels(assessments) -> None:
    """Give each assessment with support statements the level (and "since") of the one covering the newest release.

    Pages at the current release read these two fields and no statements.
    """
    with_statements = (
        assessments.filter(statements__isnull=False)
        .distinct()
        .prefetch_related("statements__since", "statements__until")
    )
    newest_of, changed = {}, []
    for assessment in with_statements:
        if assessment.framework_id not in newest_of:
            newest_of[assessment.framework_id] = newest_release(
                Release.objects.filter(framework=assessment.framework_id)
            )
        level, since = current_level(list(assessment.statements.all()), newest_of[assessment.framework_id])
        if (level, since) != (assessment.support_level, assessment.since_version):
            assessment.support_level, assessment.since_version = level, since
            changed.append(assessment)
    # Derived fields: no new version and no history record, as for the HTML rendered from Markdown.
    Assessment.objects.bulk_update(changed, ["support_level", "since_version"], batch_size=BULK_BATCH_SIZE)


def statement_range_problems(ranges) -> list[str]:
    """What is wrong with one cell's support statements, in words; [] when they are consistent.

    `ranges` are the statements' (since, until) versions, None where empty. The
    one rule for the admin, the API and the import: each range ends after it
    starts, and no two ranges cover the same release.
    """
    problems = []
    parsed = [
        (parse_version(since) if since else None, parse_version(until) if until else None) for since, until in ranges
    ]
    for (since, until), (since_text, until_text) in zip(parsed, ranges, strict=True):
        if since is not None and until is not None and until <= since:
            problems.append(f"“Until {until_text}” must come after “since {since_text}”.")
    ordered = sorted(zip(parsed, ranges, strict=True), key=lambda pair: (pair[0][0] is not None, pair[0][0] or 0))
    for ((_, earlier_until), _), ((later_since, _), (later_since_text, _)) in itertools.pairwise(ordered):
        if earlier_until is None or later_since is None or later_since < earlier_until:
            problems.append(
                f"Two statements cover {later_since_text or 'the first releases'}: end the earlier one "
                "(“until”) no later than the next one's “since”."
            )
    return problems


def mark_reviewed_today(assessments) -> int:
    today = timezone.localdate()
    count = 0
    for assessment in assessments:
        if assessment.last_reviewed != today:
            assessment.last_reviewed = today
            assessment.save()
            count += 1
    return count


def publish(comparison) -> None:
    """Publish a comparison, refusing (ValidationError) what the admin form would refuse."""
    comparison.status = ComparisonStatus.PUBLISHED
    comparison.validate_frameworks(comparison.frameworks.all())
    comparison.published_at = comparison.published_at or timezone.now()
    comparison.save()


def unpublish(comparison) -> None:
    comparison.status = ComparisonStatus.DRAFT
    comparison.save()


# Sources deleted with their assessment are recorded within this window of its deletion.
CASCADE_WINDOW = datetime.timedelta(seconds=5)


def deleted_assessments():
    """The last record of each deleted assessment that can be restored: not restored yet, and
    its framework and criterion still exist."""
    records = Assessment.history.filter(
        history_type="-",
        framework_id__in=Framework.objects.values("pk"),
        criterion_id__in=Criterion.objects.values("pk"),
    ).select_related("framework", "criterion")
    live = set(Assessment.objects.values_list("pk", flat=True))
    latest = {}
    for record in records.order_by("-history_date"):
        if record.id not in live and record.id not in latest:
            latest[record.id] = record
    return list(latest.values())


@transaction.atomic
def restore_assessment(record) -> Assessment:
    """Bring back a deleted assessment as it was, with its sources, extensions, statements and code examples."""
    if (
        not Framework.objects.filter(pk=record.framework_id).exists()
        or not Criterion.objects.filter(pk=record.criterion_id).exists()
    ):
        raise ValidationError("Its framework or criterion has been deleted too; restore that first.")
    if Assessment.objects.filter(framework_id=record.framework_id, criterion_id=record.criterion_id).exists():
        raise ValidationError("This framework already has a new assessment for that criterion.")
    assessment = record.instance
    assessment.save()
    # The deletion record carries no many-to-many rows; the version before it does.
    linked = record.prev_record if record.prev_record is not None else record
    assessment.extensions.set([link.extension_id for link in linked.extensions.all()])
    # Only the sources deleted along with it; ones removed on purpose earlier stay removed.
    gone = Source.history.filter(
        assessment_id=record.id,
        history_type="-",
        history_date__gte=record.history_date - CASCADE_WINDOW,
        history_date__lte=record.history_date + CASCADE_WINDOW,
    ).order_by("position", "history_date")
    for source in {source.id: source for source in gone}.values():
        Source.objects.create(assessment=assessment, title=source.title, url=source.url, position=source.position)
    # Statements and code examples too, when the releases they name still exist.
    releases = set(Release.objects.filter(framework_id=assessment.framework_id).values_list("pk", flat=True))

    def deleted_with_it(model):
        records = model.history.filter(
            assessment_id=record.id,
            history_type="-",
            history_date__gte=record.history_date - CASCADE_WINDOW,
            history_date__lte=record.history_date + CASCADE_WINDOW,
        ).order_by("history_date")
        return {row.id: row for row in records}.values()

    for row in deleted_with_it(SupportStatement):
        if {row.since_id, row.until_id} - {None} <= releases:
            SupportStatement.objects.create(
                assessment=assessment,
                support_level=row.support_level,
                since_id=row.since_id,
                until_id=row.until_id,
                note=row.note,
            )
    for row in deleted_with_it(CodeExample):
        CodeExample.objects.create(
            assessment=assessment,
            title=row.title,
            language=row.language,
            release_id=row.release_id if row.release_id in releases else None,
            requirements=row.requirements,
            code=row.code,
            output=row.output,
            position=row.position,
        )
    assessment.refresh_from_db(fields=["support_level", "since_version"])
    return assessment


def record_missing_history(reason: str = "Loaded from a fixture") -> int:
    """Give every row without a history record its first version (fixtures load without history)."""
    created = 0
    for model in HISTORY_TRACKED:
        missing = list(model.objects.exclude(pk__in=model.history.values("id")))
        if missing:
            bulk_writes.record_created(model, missing, reason)
            created += len(missing)
    return created


def revert_to(record, read_version: int):
    """Make a history record's values current again (recorded as a new change).

    `read_version` is the version the caller saw when choosing to revert; if the
    row changed since, the save raises StaleVersion instead of undoing that change.
    """
    instance = record.instance
    instance.version = read_version
    instance.save()
    return instance


@transaction.atomic
def accept_disagreement(disagreement: Disagreement, user) -> None:
    """An editor agrees with the evidence.

    For a bisected "since", the statement holding now starts at the proposed
    release (one is made for a cell without statements), saved with history like
    any edit; ValidationError says why when the cell's other statements are in
    the way. A contradicting result only closes: the editor corrects the cell.
    """
    if disagreement.kind == DisagreementKind.SINCE and disagreement.proposed_since is not None:
        assessment = Assessment.objects.select_for_update().get(pk=disagreement.assessment_id)
        statements = [
            SupportStatement(support_level=s.support_level, since=s.since, until=s.until, note=s.note)
            for s in assessment.statements.select_related("since", "until")
        ]
        current = current_statement(statements, newest_release(assessment.framework.releases.all()))
        if current is None:
            current = SupportStatement(support_level=assessment.support_level)
            statements.append(current)
        current.since = disagreement.proposed_since
        problems = statement_range_problems(
            [(s.since.version if s.since else None, s.until.version if s.until else None) for s in statements]
        )
        if problems:
            raise ValidationError([*problems, "Change the cell's statements by hand instead."])
        assessment._change_reason = f"Since {disagreement.proposed_since.version}, from evidence"
        save_assessment(assessment, statements=statements)
    _close(disagreement, DisagreementStatus.ACCEPTED, user)


def dismiss_disagreement(disagreement: Disagreement, user) -> None:
    """An editor finds the cell right (the probe is wrong, or tests something else); nothing else changes."""
    _close(disagreement, DisagreementStatus.DISMISSED, user)


def _close(disagreement, status, user) -> None:
    if disagreement.status != DisagreementStatus.OPEN:
        raise ValidationError(f"This disagreement is {disagreement.get_status_display().lower()} already.")
    disagreement.status, disagreement.resolved_by, disagreement.resolved_at = status, user, timezone.now()
    disagreement.save(update_fields=["status", "resolved_by", "resolved_at"])
