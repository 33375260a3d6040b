"""Read logic that spans relations: what the pages (and the API) show.

Every function here runs a fixed number of queries, whatever the size of the
matrix: rows are fetched in bulk and joined in Python.

Some 690 lines: every page's read logic in one module, each function short;
what compare columns and releases are lives in columns.py, the fit score in fit.py.
"""

import copy
from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery, Window, prefetch_related_objects
from django.db.models.functions import Coalesce, Lower, RowNumber

from .caching import cached_by_content_version, cached_by_slug, cached_value
from .choices import ComparisonStatus, SupportLevel
from .columns import column_key
from .evidence.checks import check_from_row, with_evidence_check, with_evidence_checks_at
from .models import (
    UNCHANGED_REASON,
    Assessment,
    CodeExample,
    Comparison,
    ComparisonPoint,
    Criterion,
    CriterionGroup,
    Evidence,
    Framework,
    SupportStatement,
    compare_path,
    framework_set_key,
)
from .querysets import stale_before

# Above this many published criteria, the matrix pages (compare, framework, the API's compare)
# show one criterion group at a time: a page of every cell is no longer readable, and at
# hundreds of criteria it weighs megabytes and takes seconds to build.
ALL_GROUPS_MAX_CRITERIA = 60
RECENTLY_UPDATED_COUNT = 8
# The home page shows this many framework cards and criteria of each group, with links to the rest.
HOME_FRAMEWORKS = 24
HOME_CRITERIA_PER_GROUP = 8
# A group shown on its own is shown this many criteria at a time (?part=2 is the next hundred), so a
# matrix page stays bounded however its criteria are grouped: a real matrix may hold 10,000 in one.
CRITERIA_PER_PART = 100


@dataclass
class MatrixRow:
    criterion: Criterion
    # One entry per compared framework, in the frameworks' order; None = no assessment yet.
    # Assessments for the API, rendered cells (matrix.MatrixCell) for the page.
    cells: list
    point: ComparisonPoint | None = None
    frameworks: list = field(default_factory=list)  # the columns, in the cells' order

    @property
    def is_uniform(self) -> bool:
        """Every framework has the same support level here (a missing cell counts as its own level)."""
        return len({cell.support_level if cell else None for cell in self.cells}) == 1

    @property
    def columns(self) -> list[tuple]:
        """(framework, cell) pairs, for a page that labels each cell with its framework."""
        return list(zip(self.frameworks, self.cells, strict=True))

    @property
    def generated_difference(self) -> list[tuple[SupportLevel | None, list[str]]]:
        """What differs, derived from the data: (level, ["Django since 1.0", "Flask"]), best level first.

        None stands for "not assessed yet". Only for rows where the levels differ.
        """
        if self.is_uniform:
            return []
        by_level = {}
        for framework, cell in self.columns:
            level = SupportLevel(cell.support_level) if cell else None
            range_label = getattr(cell, "range_label", "") if cell else ""
            by_level.setdefault(level, []).append(f"{framework.display_name} {range_label}".strip())
        order = [*SupportLevel, None]
        return sorted(by_level.items(), key=lambda item: order.index(item[0]))


@dataclass
class MatrixGroup:
    group: CriterionGroup
    rows: list[MatrixRow] = field(default_factory=list)


def published_frameworks_in_brief() -> list[Framework]:
    """Every published framework, with its name and slug only: for links to them and for rankings.

    Kept under the content version: the fit ranking starts from every one of them.
    """
    return cached_value(
        "published-frameworks-in-brief", lambda: list(Framework.objects.published().only("name", "slug"))
    )


def published_framework_choices() -> list[tuple[str, str]]:
    """(slug, name) of every published framework, for pickers."""
    return list(Framework.objects.published().order_by(Lower("name")).values_list("slug", "name"))


def framework_list():
    """Published frameworks by name, narrow: the frameworks list shows them as cards by id (`page_parts.py`)."""
    return Framework.objects.published().only("pk").order_by(Lower("name"))


def frameworks_for_cards(ids) -> list[Framework]:
    """The frameworks `ids` name with what their cards show: tags, and how many criteria each has built in.

    The count is a subquery rather than a join and GROUP BY: PostgreSQL then counts
    only for the frameworks asked for.
    """
    built_in = (
        Assessment.objects.filter(
            framework=OuterRef("pk"), support_level=SupportLevel.BUILT_IN, criterion__is_published=True
        )
        .order_by()
        .values("framework")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return list(
        Framework.objects.filter(pk__in=ids)
        .prefetch_related("tags")
        .annotate(built_in_count=Coalesce(Subquery(built_in), 0))
    )


def published_comparisons():
    return Comparison.objects.published().prefetch_related(
        Prefetch("frameworks", queryset=Framework.objects.order_by(Lower("name")))
    )


# What no listing of criteria shows: long texts and row times.
UNLISTED_CRITERION_FIELDS = [
    "description",
    "description_html",
    "created_at",
    "updated_at",
    "group__created_at",
    "group__updated_at",
]


@dataclass(frozen=True)
class GroupPart:
    """Which of a group's criteria a matrix page shows: the `number`th hundred of `total` (see CRITERIA_PER_PART)."""

    number: int
    total: int

    @property
    def count(self) -> int:
        return max(1, -(-self.total // CRITERIA_PER_PART))

    @property
    def first(self) -> int:
        """The position (from 1) in its group of the part's first criterion."""
        return (self.number - 1) * CRITERIA_PER_PART + 1

    @property
    def last(self) -> int:
        return min(self.total, self.number * CRITERIA_PER_PART)


def group_part(group: CriterionGroup | None, number: int = 1) -> GroupPart | None:
    """The part of `group` to show (None: the group is shown whole); `number` must be one of its parts.

    Raises ValueError, in words for the reader, for a part the group does not have.
    """
    if group is None or group.criteria_count <= CRITERIA_PER_PART:
        if number != 1:
            raise ValueError("These criteria are shown whole, not in parts; leave out “part”.")
        return None
    part = GroupPart(number, group.criteria_count)
    if not 1 <= number <= part.count:
        raise ValueError(f"This group has {part.count} parts; part {number} is not one of them.")
    return part


def shown_key(group: CriterionGroup | None, part: GroupPart | None = None) -> str:
    """What a matrix fragment shows, for its cache key: "all", a group's id, or "id.part"."""
    if group is None:
        return "all"
    return f"{group.pk}.{part.number}" if part is not None else str(group.pk)


def listed_criteria():
    """Published criteria in display order, without what no listing shows: the base of every criteria query here."""
    return Criterion.objects.published().in_display_order().defer(*UNLISTED_CRITERION_FIELDS)


def criteria_of_part(group: CriterionGroup, part: GroupPart | None):
    """The published criteria of `group` a page shows, in display order: those of `part`, or all when None."""
    criteria = listed_criteria().filter(group=group).order_by("position", "name")  # one group: its own order
    return criteria if part is None else criteria[part.first - 1 : part.last]


def criteria_shown(group: CriterionGroup | None, part: GroupPart | None) -> list[Criterion]:
    """The criteria a matrix page shows: every published one (`group` None), or `criteria_of_part`.

    Every matrix page of the same group or part shows the same ones: kept under the content version.
    """
    if group is None:
        return published_criteria()

    def read():
        criteria = list(criteria_of_part(group, part).select_related(None))
        for criterion in criteria:
            criterion.group = group  # one object for all: kept (pickled) once, not once per criterion
        return criteria

    return cached_value(f"criteria-shown:{shown_key(group, part)}", read)


def published_criteria() -> list[Criterion]:
    """Every published criterion in display order, without what no listing shows."""
    return list(listed_criteria())


def published_criteria_named(slugs) -> list[Criterion]:
    """The published criteria among `slugs`, in display order."""
    return list(listed_criteria().filter(slug__in=slugs))


def criteria_shown_or_named(group: CriterionGroup | None, slugs, part: GroupPart | None = None) -> list[Criterion]:
    """The published criteria of `group` (all when None; only `part` of it when given) and those `slugs` name.

    In display order. A matrix page shows one group; the reader's weights may name criteria of others.
    With a group, each criterion's `is_shown` tells the group's (or part's) from the others.
    """
    if group is None:
        return list(listed_criteria())
    shown = criteria_shown(group, part)
    others = sorted(set(slugs) - {criterion.slug for criterion in shown})
    named = [criterion for criterion in criteria_named(others).values() if criterion is not None] if others else []
    for criterion in shown:
        criterion.is_shown = True
    for criterion in named:
        criterion.is_shown = False
    return sorted([*shown, *named], key=in_display_order)


def criteria_named(slugs) -> dict[str, Criterion | None]:
    """`{slug: the published criterion it names, or None}`, kept under the content version: the criteria a
    reader's filters name, or weights outside the group a page shows."""
    return cached_by_slug("criterion-named", listed_criteria(), slugs)


def in_display_order(criterion) -> tuple:
    """The sort key of `Criterion.objects.in_display_order()`, for criteria already read."""
    return (criterion.group.position, criterion.group.name, criterion.position, criterion.name)


def criteria_by_group(criteria) -> list[tuple[CriterionGroup, list[Criterion]]]:
    """Criteria (already in display order) as (group, criteria) pairs."""
    return [(group, list(rows)) for group, rows in groupby(criteria, key=lambda criterion: criterion.group)]


def shows_one_group_at_a_time(criteria_count: int) -> bool:
    return criteria_count > ALL_GROUPS_MAX_CRITERIA


def published_criterion_groups() -> list[CriterionGroup]:
    """Groups with at least one published criterion, in display order, each with `criteria_count`.

    Every matrix page starts from them, so they are kept under the content version.
    """

    def read():
        groups = CriterionGroup.objects.annotate(
            criteria_count=Count("criteria", filter=Q(criteria__is_published=True))
        ).filter(criteria_count__gt=0)
        return list(groups.order_by("position", "name"))

    return cached_value("published-criterion-groups", read)


def groups_by_slug(groups) -> dict[str, CriterionGroup]:
    """Criterion groups keyed by slug, in the order given (duplicates, as from criteria, kept once)."""
    return {group.slug: group for group in groups}


def shown_group(groups: dict[str, CriterionGroup], slug: str | None, *, one_at_a_time: bool):
    """The group a matrix page shows: the one named, else the first when groups are shown one at a time.

    None means every group. An unknown or empty slug names no group.
    """
    chosen = groups.get(slug or "")
    if chosen is None and one_at_a_time and groups:
        return next(iter(groups.values()))
    return chosen


def criteria_in_group(criteria, group: CriterionGroup | None, part: GroupPart | None = None) -> list[Criterion]:
    """The criteria of one group (all of them when `group` is None; of one `part` when given), keeping their order."""
    if group is None:
        return list(criteria)
    in_group = [criterion for criterion in criteria if criterion.group_id == group.pk]
    return in_group if part is None else in_group[part.first - 1 : part.last]


def recently_updated_assessments(limit: int = RECENTLY_UPDATED_COUNT):
    return (
        Assessment.objects.published()
        .select_related("framework", "criterion__group")
        .order_by("-updated_at", "-pk")[:limit]
    )


def home_page() -> dict:
    """What the home page shows: a bounded sample of each list, with links to the whole of it."""
    return {
        "framework_ids": list(framework_list().values_list("pk", flat=True)[:HOME_FRAMEWORKS]),
        "framework_count": Framework.objects.published().count(),
        "comparisons": published_comparisons()[:6],
        "criteria_groups": criteria_in_brief(HOME_CRITERIA_PER_GROUP),
        "recent_assessments": recently_updated_assessments(),
    }


def criteria_in_brief(per_group: int) -> list[tuple[CriterionGroup, list[Criterion]]]:
    """Each group's first `per_group` published criteria in display order; each group has its `criteria_count`.

    One query however large the groups are: windows number the criteria within their group and count them.
    """
    criteria = (
        listed_criteria()
        .annotate(
            place=Window(RowNumber(), partition_by=F("group"), order_by=[F("position").asc(), F("name").asc()]),
            group_size=Window(Count("pk"), partition_by=F("group")),
        )
        .filter(place__lte=per_group)
    )
    pairs = criteria_by_group(criteria)
    for group, rows in pairs:
        group.criteria_count = rows[0].group_size
    return pairs


def framework_assessments(framework: Framework, group: CriterionGroup | None = None, part: GroupPart | None = None):
    """The framework's public assessments in display order; only `group`'s (or a `part` of it) when given."""
    assessments = framework.assessments.filter(criterion__is_published=True)
    if group is not None and part is None:
        assessments = assessments.filter(criterion__group=group)
    elif group is not None:
        assessments = assessments.filter(criterion__in=criteria_of_part(group, part).values("pk"))
    return assessments.order_by(
        "criterion__group__position", "criterion__group__name", "criterion__position", "criterion__name", "pk"
    )


def assessments_at(assessments, release=None) -> list[Assessment]:
    """`assessments` (a queryset) with all a row shows, each with `shown_statement` (the statement covering
    `release`; None: the current one) and the evidence on that release: a framework page's rows."""
    assessments = assessments.with_related()
    if release is not None:
        assessments = assessments.prefetch_related(STATEMENTS)
    assessments = list(with_evidence_check(assessments, release))
    for assessment in assessments:
        assessment.shown_statement = assessment.statement_for(release) if release else assessment.current_statement()
        assessment.check = check_from_row(assessment.evidence_check)
    return assessments


def criterion_assessments(criterion: Criterion):
    """A criterion's public assessments by framework name, narrow: its page renders them by id (`page_parts.py`)."""
    return criterion.assessments.filter(framework__is_published=True).order_by("framework__name", "pk")


def assessments_in_full(assessments) -> list[Assessment]:
    """`assessments` (a queryset) with all a row of a listing shows: texts, links, evidence at the current release."""
    return list(with_evidence_check(assessments.with_related()))


def with_points(comparison: Comparison | None, frameworks, criteria) -> Comparison | None:
    """`comparison` with its key differences on `criteria` (the rows a page shows) read, once.

    Pages that keep their matrix in the fragment cache read them only to build it.
    Each point gets the criterion and the edge's framework (one of those compared)
    already in hand rather than joined copies of their wide rows, and the points
    are filtered by id: Django checks each model instance given to `__in`, which
    cost more than the query.
    """
    if comparison is None or "points" in getattr(comparison, "_prefetched_objects_cache", {}):
        return comparison
    points = ComparisonPoint.objects.published() if comparison.is_published else ComparisonPoint.objects.all()
    shown = points.filter(criterion_id__in=[criterion.pk for criterion in criteria])
    prefetch_related_objects([comparison], Prefetch("points", queryset=shown.order_by("position", "criterion__slug")))
    criteria_by_id = {criterion.pk: criterion for criterion in criteria}
    frameworks_by_id = {framework.pk: framework for framework in frameworks}
    for point in comparison.points.all():
        point.criterion = criteria_by_id[point.criterion_id]
        if point.edge_framework_id in frameworks_by_id:
            point.edge_framework = frameworks_by_id[point.edge_framework_id]
    return comparison


def published_comparison_for(frameworks: list[Framework]) -> Comparison | None:
    """The published editor-written comparison of exactly this set of frameworks (its points: `with_points`).

    Kept under the content version, None included (most sets have none).
    """

    def comparisons(sets):
        return {key: Comparison.objects.published().filter(framework_set=key).first() for key in sets}

    key = framework_set_key(framework.pk for framework in frameworks)
    return cached_by_content_version("published-comparison-for", [key], comparisons)[key]


def draft_comparison_for(frameworks: list[Framework]) -> Comparison | None:
    """The newest unpublished comparison of exactly this set, for staff previews (its points: `with_points`)."""
    return (
        Comparison.objects.exclude(status=ComparisonStatus.PUBLISHED)
        .filter(framework_set=framework_set_key(framework.pk for framework in frameworks))
        .order_by("-updated_at")
        .first()
    )


# A cell's statements, with the releases that bound them (for "since 3.1").
STATEMENTS = Prefetch("statements", queryset=SupportStatement.objects.select_related("since", "until"))


def assessment_cells(frameworks, criteria) -> dict[tuple[tuple[int, int], int], Assessment]:
    """The assessments of these columns on these criteria, keyed by (column key, criterion id).

    Each cell gets the framework and criterion objects passed in rather than
    joined copies of them: the rows stay narrow however many cells there are.
    Each has `shown_statement`, the support statement for its column's release;
    a column at a chosen release gets a copy whose `support_level` is that
    statement's.
    """
    assessments = _assessments_of(frameworks, criteria).prefetch_related("sources", "extensions")
    pinned = {framework.release for framework in frameworks if getattr(framework, "release", None) is not None}
    if pinned:
        assessments = with_evidence_checks_at(assessments.prefetch_related(STATEMENTS), pinned)
    assessments = with_evidence_check(assessments)  # at the current release
    cells = _cells(assessments, frameworks, criteria)
    for cell in cells.values():
        release = getattr(cell.framework, "release", None)
        cell.check = check_from_row(
            getattr(cell, f"evidence_at_{release.pk}") if release is not None else cell.evidence_check
        )
    return cells


def _assessments_of(frameworks, criteria):
    # Unordered: the cells are looked up by key, and the model's ordering would join three tables to sort.
    framework_ids = {framework.pk for framework in frameworks}
    return Assessment.objects.filter(framework__in=framework_ids, criterion__in=criteria).order_by()


def _cells(assessments, frameworks, criteria) -> dict:
    criteria_by_id = {criterion.pk: criterion for criterion in criteria}
    columns_of = {}
    for framework in frameworks:
        columns_of.setdefault(framework.pk, []).append(framework)
    cells = {}
    for assessment in assessments:
        assessment.criterion = criteria_by_id[assessment.criterion_id]
        for column in columns_of[assessment.framework_id]:
            cell = assessment if len(columns_of[assessment.framework_id]) == 1 else copy.copy(assessment)
            cell.framework = column
            release = getattr(column, "release", None)
            cell.shown_statement = cell.statement_for(release) if release else cell.current_statement()
            cell.support_level = cell.shown_statement.support_level
            cells[column_key(column), assessment.criterion_id] = cell
    return cells


def support_levels(frameworks, criteria) -> dict[tuple[tuple[int, int], int], str]:
    """The support level of each cell, keyed by (column key, criterion id): enough to rank.

    Columns at their current release need only the stored level; a column at a
    chosen release reads its statements.
    """
    if any(getattr(framework, "release", None) is not None for framework in frameworks):
        return {
            key: cell.support_level
            for key, cell in _cells(
                _assessments_of(frameworks, criteria).prefetch_related(STATEMENTS), frameworks, criteria
            ).items()
        }
    framework_ids = [framework.pk for framework in frameworks]
    return {
        ((framework_id, 0), criterion_id): level
        for criterion_id, levels in criterion_levels(criteria).items()
        for framework_id in framework_ids
        if (level := levels.get(framework_id))
    }


def criterion_levels(criteria) -> dict[int, dict[int, str]]:
    """`{criterion id: {framework id: stored level}}` for `criteria`, kept under the content version.

    A criterion's levels serve every ranking that weighs it, whatever the other
    weights: the fit page asks for a few criteria across every framework.
    """

    def read(ids):
        levels = {pk: {} for pk in ids}
        rows = Assessment.objects.filter(criterion__in=ids).order_by()
        for framework_id, criterion_id, level in rows.values_list("framework_id", "criterion_id", "support_level"):
            levels[criterion_id][framework_id] = level
        return levels

    return cached_by_content_version("criterion-levels", [criterion.pk for criterion in criteria], read)


def compare_matrix(
    frameworks: list[Framework],
    criteria: list[Criterion],
    cells: dict[tuple[int, int], Assessment],
    comparison: Comparison | None = None,
    *,
    differences_only: bool = False,
) -> list[MatrixGroup]:
    """The side-by-side matrix: rows are `criteria` (grouped), columns the given frameworks.

    `differences_only` drops rows where every framework has the same support level.
    """
    points = {point.criterion_id: point for point in comparison.points.all()} if comparison else {}
    groups = []
    for criterion_group, group_criteria in groupby(criteria, key=lambda criterion: criterion.group):
        rows = [
            MatrixRow(
                criterion=criterion,
                cells=[cells.get((column_key(framework), criterion.pk)) for framework in frameworks],
                point=points.get(criterion.pk),
                frameworks=frameworks,
            )
            for criterion in group_criteria
        ]
        if differences_only:
            rows = [row for row in rows if not row.is_uniform]
        if rows:
            groups.append(MatrixGroup(group=criterion_group, rows=rows))
    return groups


@dataclass
class Coverage:
    """How complete, sourced and fresh one framework's row of the matrix is."""

    framework: Framework
    criteria: int
    assessed: int
    sourced: int
    stale: int

    @property
    def missing(self) -> int:
        return self.criteria - self.assessed

    def share(self, count: int) -> int:
        return round(100 * count / self.assessed) if self.assessed else 0

    @property
    def sourced_percent(self) -> int:
        return self.share(self.sourced)

    @property
    def stale_percent(self) -> int:
        return self.share(self.stale)


def coverage_by_framework() -> list[Coverage]:
    """Per framework: assessed criteria, and the share with sources and the share needing review. Two queries."""
    criteria = Criterion.objects.published().count()
    public = Q(assessments__criterion__is_published=True)
    frameworks = Framework.objects.annotate(
        assessed=Count("assessments", filter=public, distinct=True),
        sourced=Count("assessments", filter=public & Q(assessments__sources__isnull=False), distinct=True),
        stale=Count("assessments", filter=public & Q(assessments__last_reviewed__lt=stale_before()), distinct=True),
    ).order_by(Lower("name"))
    return [
        Coverage(framework=f, criteria=criteria, assessed=f.assessed, sourced=f.sourced, stale=f.stale)
        for f in frameworks
    ]


@dataclass
class CodeRow:
    criterion: Criterion
    # (column, its examples) per compared column, in the columns' order.
    columns: list


def code_side_by_side(frameworks, criteria) -> list[CodeRow]:
    """The code examples of these columns on `criteria`, a row per criterion that has any. One query."""
    examples = (
        CodeExample.objects.filter(
            assessment__framework__in={framework.pk for framework in frameworks}, assessment__criterion__in=criteria
        )
        .select_related("release")
        .annotate(framework_id=F("assessment__framework_id"), criterion_id=F("assessment__criterion_id"))
        .order_by("position", "pk")
    )
    by_cell = {}
    for example in examples:
        by_cell.setdefault((example.framework_id, example.criterion_id), []).append(example)

    def shown_in(framework, examples):
        # A column at a release shows the examples written for that release or an earlier one.
        chosen = getattr(framework, "release", None)
        if chosen is None:
            return examples
        return [e for e in examples if e.release is None or e.release.ordinal <= chosen.ordinal]

    rows = []
    for criterion in criteria:
        row = [
            (framework, shown_in(framework, by_cell.get((framework.pk, criterion.pk), []))) for framework in frameworks
        ]
        if any(examples for _, examples in row):
            rows.append(CodeRow(criterion=criterion, columns=row))
    return rows


@dataclass
class CellEdit:
    when: object
    what: str


def cell_history(assessment, limit: int = 30) -> list[CellEdit]:
    """Edits of one cell, newest first: the assessment's own history and its statements' and examples'."""
    edits = [
        CellEdit(record.history_date, record.history_change_reason or "Changed")
        for record in assessment.history.exclude(history_change_reason=UNCHANGED_REASON).order_by("-history_date")[
            :limit
        ]
    ]
    for model, noun in ((SupportStatement, "support statement"), (CodeExample, "code example")):
        for record in model.history.filter(assessment_id=assessment.pk).order_by("-history_date")[:limit]:
            kind = {"+": "Added", "-": "Removed"}.get(record.history_type, "Changed")
            edits.append(CellEdit(record.history_date, f"{kind} a {noun}"))
    return sorted(edits, key=lambda edit: edit.when, reverse=True)[:limit]


def cell_page_assessment(framework_slug: str, criterion_slug: str, *, include_unpublished: bool) -> Assessment:
    """The assessment of one cell with all its page shows, or Assessment.DoesNotExist."""
    assessments = Assessment.objects.select_related("framework", "criterion__group").prefetch_related(
        "sources",
        "extensions",
        STATEMENTS,
        Prefetch("code_examples", queryset=CodeExample.objects.select_related("release")),
        Prefetch(
            "evidence", queryset=Evidence.objects.select_related("release").order_by("probe", "-release__ordinal")
        ),
    )
    if not include_unpublished:
        assessments = assessments.published()
    return assessments.get(framework__slug=framework_slug, criterion__slug=criterion_slug)


def comparisons_with(framework, frameworks) -> list[tuple[str, str]]:
    """(title, URL) of the published comparisons of `framework`, newest first.

    `frameworks` are the published frameworks the page has already read: a
    comparison's URL comes from its stored set of framework ids, not a query.
    """
    slugs = {other.pk: other.slug for other in frameworks}
    rows = (
        Comparison.objects.published()
        .filter(frameworks=framework)
        .order_by("-published_at", "title")
        .values_list("title", "framework_set")
    )
    found = []
    for title, framework_set in rows:
        ids = [int(pk) for pk in framework_set.split(",") if pk]
        if all(pk in slugs for pk in ids):
            found.append((title, compare_path([slugs[pk] for pk in ids])))
    return found
