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

    @property
    def symbol(self) -> str:
        """A text mark, so colour is never the only signal of a level."""
        return {"built_in": "✔", "extension": "+", "partial": "◐", "none": "✘", "unknown": "?"}[self.value]


class ComparisonStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class Edge(models.TextChoices):
    """Which side a comparison point favours, if the editor says so."""

    NOT_STATED = "", "Not stated"
    FRAMEWORK = "framework", "One framework has the edge"
    EVEN = "even", "Even"
    DEPENDS = "depends", "Depends on the project"
