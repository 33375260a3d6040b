"""The enumerations of the domain, each defined once."""

from django.db import models


class SupportLevel(models.TextChoices):
    """How well a framework covers a criterion: the value of one matrix cell."""

    BUILT_IN = "built_in", "Built in"
    EXTENSION = "extension", "Via extension"
    PARTIAL = "partial", "Partial"
    NONE = "none", "Not supported"
    UNKNOWN = "unknown", "Unknown"

    @property
    def score(self) -> int | None:
        """Points for ranking frameworks; unknown counts as no information."""
        return {"built_in": 3, "extension": 2, "partial": 1, "none": 0}.get(self.value)

    @classmethod
    def at_least(cls, minimum: str) -> list[str]:
        """The levels that meet `minimum` on the scale built in > via extension > partial."""
        floor = cls(minimum).score
        return [level.value for level in cls if level.score is not None and level.score >= floor]

    @property
    def symbol(self) -> str:
        """A text mark, so colour is never the only signal of a level."""
        return {"built_in": "✔", "extension": "+", "partial": "◐", "none": "✘", "unknown": "?"}[self.value]


# The best score a level can have; a framework's fit is its points over this times the weights.
MAX_SUPPORT_SCORE = 3

# Minimum levels a reader can ask for in capability filters.
MINIMUM_LEVEL_CHOICES = [
    (SupportLevel.BUILT_IN.value, "Built in"),
    (SupportLevel.EXTENSION.value, "Built in or via extension"),
    (SupportLevel.PARTIAL.value, "At least partly"),
]


class ComparisonStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class Edge(models.TextChoices):
    """Which side a comparison point favours, if the editor says so."""

    NOT_STATED = "", "Not stated"
    FRAMEWORK = "framework", "One framework has the edge"
    EVEN = "even", "Even"
    DEPENDS = "depends", "Depends on the project"


class ReportStatus(models.TextChoices):
    NEW = "new", "New"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


class Outcome(models.TextChoices):
    """What running a probe on a release showed."""

    PASSED = "passed", "Passed"
    FAILED = "failed", "Failed"  # the claim does not hold
    ERROR = "error", "Error"  # the install or the probe broke: it says nothing of the claim
    SKIPPED = "skipped", "Skipped"


class ProbeKind(models.TextChoices):
    """What a probe's passing shows (see docs/evidence.md)."""

    PRESENCE = "presence", "The feature is present"  # bisected for `since`
    CLAIM = "claim", "The cell's claim holds"
    EXAMPLE = "example", "A code example runs as shown"


class DisagreementKind(models.TextChoices):
    RESULT = "result", "A probe’s result contradicts the cell"
    SINCE = "since", "The first passing release differs from the cell's “since”"


class DisagreementStatus(models.TextChoices):
    OPEN = "open", "Open"
    ACCEPTED = "accepted", "Accepted"
    DISMISSED = "dismissed", "Dismissed"
