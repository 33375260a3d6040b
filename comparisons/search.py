"""The site search: published frameworks, criteria, assessments and comparisons that mention a text."""

import hashlib
import re
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower

from .caching import cached_value
from .models import Assessment, Comparison, ComparisonPoint, Criterion, Framework

SEARCH_RESULTS_PER_KIND = 20


@dataclass
class SearchHit:
    title: str
    url: str
    kind: str
    context: str  # plain text around the match; the template marks the match


@dataclass
class SearchResults:
    query: str
    frameworks: list[SearchHit]
    criteria: list[SearchHit]
    assessments: list[SearchHit]
    comparisons: list[SearchHit]

    @property
    def groups(self) -> list[tuple[str, list[SearchHit]]]:
        return [
            ("Comparisons", self.comparisons),
            ("Frameworks", self.frameworks),
            ("Criteria", self.criteria),
            ("Assessments", self.assessments),
        ]

    @property
    def total(self) -> int:
        return sum(len(hits) for _, hits in self.groups)


def _matching(query: str, *fields: str) -> Q:
    condition = Q()
    for name in fields:
        condition |= Q(**{f"{name}__icontains": query})
    return condition


def _context(query: str, *texts: str, width: int = 80) -> str:
    """The first text that contains the query, cut to a window around the match."""
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    for text in texts:
        match = pattern.search(text)
        if match:
            start = max(0, match.start() - width)
            end = min(len(text), match.end() + width)
            return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    return texts[0][: 2 * width] if texts else ""


def cached_search(query: str) -> SearchResults:
    """`search(query)`, kept under the content version: a query is matched against every text once per edit.

    Matching reads the long texts of every assessment (no index serves "contains"),
    which costs far more than the page it fills.
    """
    key = hashlib.sha256(query.encode()).hexdigest()
    return cached_value(f"search:{key}", lambda: search(query))


def search(query: str, limit: int = SEARCH_RESULTS_PER_KIND) -> SearchResults:
    """Published frameworks, criteria, assessments and comparisons that mention the query.

    Case-insensitive containment (on SQLite only ASCII letters fold case; PostgreSQL folds
    all of Unicode); a fixed number of queries.
    """
    frameworks = Framework.objects.published().filter(_matching(query, "name", "summary", "description"))
    criteria = Criterion.objects.published().filter(_matching(query, "name", "summary", "description"))
    # Related rows are matched with EXISTS, not a join: a join needs DISTINCT, which sorts
    # every matching row (with its long texts) before the first few can be returned.
    extension_matches = Assessment.extensions.through.objects.filter(
        assessment=OuterRef("pk"), extension__name__icontains=query
    )
    assessments = (
        Assessment.objects.published()
        .filter(_matching(query, "summary", "details") | Q(Exists(extension_matches)))
        .select_related("framework", "criterion__group")
    )
    point_matches = ComparisonPoint.objects.published().filter(
        comparison=OuterRef("pk"), key_difference__icontains=query
    )
    comparisons = (
        Comparison.objects.published()
        .filter(_matching(query, "title", "tldr", "introduction", "conclusion") | Q(Exists(point_matches)))
        .prefetch_related("frameworks")
    )
    return SearchResults(
        query=query,
        frameworks=[
            SearchHit(f.name, f.get_absolute_url(), "Framework", _context(query, f.name, f.summary, f.description))
            for f in frameworks.order_by(Lower("name"))[:limit]
        ],
        criteria=[
            SearchHit(c.name, c.get_absolute_url(), "Criterion", _context(query, c.name, c.summary, c.description))
            for c in criteria.order_by(Lower("name"))[:limit]
        ],
        assessments=[
            SearchHit(str(a), a.get_absolute_url(), "Assessment", _context(query, a.summary, a.details))
            for a in assessments.order_by("framework__name", "criterion__name")[:limit]
        ],
        comparisons=[
            SearchHit(
                c.title,
                c.get_absolute_url(),
                "Comparison",
                _context(query, c.title, c.tldr, c.introduction, c.conclusion),
            )
            for c in comparisons.order_by("-published_at")[:limit]
        ],
    )
