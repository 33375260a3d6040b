"""The data and geometry of the site's charts, drawn as SVG by templates (no script).

- A framework's levels by criterion group (`templates/includes/group_levels_chart.html`):
  one bar per group, a segment per level.
- The coverage heat-map (`templates/comparisons/coverage.html`): frameworks ×
  criterion groups, each square shaded by the share of the group's criteria
  the framework covers (built in or via extension).

Each chart comes with its numbers as a table, for screen readers and for
readers who would rather read. One query for either chart, whatever the size.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, FilteredRelation, Q

from .caching import cached_value
from .choices import SupportLevel
from .models import Assessment, CriterionGroup, Framework
from .selectors import published_criterion_groups

BAR_X, BAR_WIDTH = 260, 720  # where the bars start and how wide a full one is, in a 1000-wide view box
ROW_HEIGHT = 30
HEAT_CELL = 44  # the heat-map's square, label columns aside
HEAT_LABEL_WIDTH = 170
# A known share (percent) from this bucket up gets its shade; five shades in all.
HEAT_BUCKETS = [0, 25, 50, 75, 100]


def level_counts(frameworks) -> dict[tuple[int, int], Counter]:
    """{(framework id, group id): Counter of levels} over published criteria. One query."""
    rows = (
        Assessment.objects.filter(framework__in=frameworks, criterion__is_published=True)
        .order_by()
        .values_list("framework_id", "criterion__group_id", "support_level")
        .annotate(count=Count("pk"))
    )
    counts = {}
    for framework_id, group_id, level, count in rows:
        counts.setdefault((framework_id, group_id), Counter())[level] += count
    return counts


@dataclass
class Segment:
    level: SupportLevel | None  # None: not assessed yet
    count: int
    x: float
    width: float


@dataclass
class GroupBar:
    group: object
    y: int
    total: int
    segments: list[Segment] = field(default_factory=list)

    @property
    def label_y(self) -> int:
        return self.y + ROW_HEIGHT // 2 + 5


def groups_with_levels(framework) -> list[CriterionGroup]:
    """Groups with published criteria, each with `criteria_count` and `level_counts` (Counter) of `framework`.

    One query: the framework's cells join the criteria through a FilteredRelation,
    so a framework page pays nothing extra for its chart.
    """
    published = Q(criteria__is_published=True)
    by_level = {
        f"count_{level.value}": Count("cells", filter=published & Q(cells__support_level=level))
        for level in SupportLevel
    }
    groups = list(
        CriterionGroup.objects.annotate(
            cells=FilteredRelation("criteria__assessments", condition=Q(criteria__assessments__framework=framework)),
            criteria_count=Count("criteria", filter=published),
            **by_level,
        )
        .filter(criteria_count__gt=0)
        .order_by("position", "name")
    )
    for group in groups:
        group.level_counts = Counter({level.value: getattr(group, f"count_{level.value}") for level in SupportLevel})
    return groups


def framework_groups(framework) -> list[CriterionGroup]:
    """`groups_with_levels(framework)`, kept under the content version: a framework page's group links and its
    chart come from this one query (the groups are those of `published_criterion_groups`)."""
    return cached_value(f"framework-groups:{framework.pk}", lambda: groups_with_levels(framework))


def group_level_bars(groups) -> tuple[list[GroupBar], int]:
    """One bar per group (from `groups_with_levels`), and the chart's height."""
    bars = []
    for index, group in enumerate(groups):
        bar = GroupBar(group=group, y=index * (ROW_HEIGHT + 8), total=group.criteria_count)
        x = BAR_X
        missing = group.criteria_count - sum(group.level_counts.values())
        for level, count in [*((level, group.level_counts[level.value]) for level in SupportLevel), (None, missing)]:
            if count > 0:
                width = BAR_WIDTH * count / group.criteria_count
                bar.segments.append(Segment(level=level, count=count, x=round(x, 1), width=round(width, 1)))
                x += width
        bars.append(bar)
    return bars, len(bars) * (ROW_HEIGHT + 8)


@dataclass
class HeatCell:
    group: object
    covered: int  # built in or via extension
    unknown: int  # not assessed yet, or assessed as unknown
    total: int
    x: int

    @property
    def percent(self) -> int:
        return round(100 * self.covered / self.total) if self.total else 0

    @property
    def shade(self) -> int:
        """0–4: which of the five shades, by the known share."""
        return max(index for index, floor in enumerate(HEAT_BUCKETS) if self.percent >= floor)


@dataclass
class HeatRow:
    framework: Framework
    y: int
    cells: list[HeatCell] = field(default_factory=list)

    @property
    def covered(self) -> int:
        return sum(cell.covered for cell in self.cells)

    @property
    def total(self) -> int:
        return sum(cell.total for cell in self.cells)


@dataclass
class HeatMap:
    groups: list
    rows: list[HeatRow]
    width: int
    height: int
    header_height: int = 130


def coverage_heat_map() -> HeatMap:
    """Published frameworks × criterion groups: how much of each group each framework covers."""
    groups = published_criterion_groups()
    frameworks = list(Framework.objects.published().only("name", "slug").order_by("name"))
    counts = level_counts(frameworks)
    header = HeatMap.header_height
    rows = []
    for row_index, framework in enumerate(frameworks):
        row = HeatRow(framework=framework, y=header + row_index * HEAT_CELL)
        for column, group in enumerate(groups):
            levels = counts.get((framework.pk, group.pk), Counter())
            known = sum(count for level, count in levels.items() if level != SupportLevel.UNKNOWN)
            row.cells.append(
                HeatCell(
                    group=group,
                    covered=levels[SupportLevel.BUILT_IN.value] + levels[SupportLevel.EXTENSION.value],
                    unknown=group.criteria_count - known,
                    total=group.criteria_count,
                    x=HEAT_LABEL_WIDTH + column * HEAT_CELL,
                )
            )
        rows.append(row)
    return HeatMap(
        groups=groups,
        rows=rows,
        width=HEAT_LABEL_WIDTH + len(groups) * HEAT_CELL + 120,  # room for the last rotated group name
        height=header + len(frameworks) * HEAT_CELL + 10,
    )
