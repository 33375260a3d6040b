"""Which framework fits a reader: a score from their weights, with every point explained.

Per weighted criterion a framework earns `weight × points(level)`, where
built in earns 3, via extension earns what the reader says (2 unless they
choose 3, 1 or 0: an extension is one more dependency to vet and keep up),
partial 1 and not supported 0. Its fit is the total as a share of the best
possible total (`weight × 3`) over the criteria whose level is known. Unknown
or missing cells count neither for nor against it and are listed. docs/readers.md
states the same for readers.
"""

from dataclasses import dataclass
from typing import NamedTuple

from .choices import MAX_SUPPORT_SCORE, SupportLevel
from .columns import column_key
from .models import Criterion
from .selectors import support_levels

DEFAULT_EXTENSION_POINTS = SupportLevel.EXTENSION.score
EXTENSION_POINTS_CHOICES = [
    ("3", "as much as built in (3 points)"),
    ("2", "a little less than built in (2 points)"),
    ("1", "as much as partial support (1 point)"),
    ("0", "nothing (0 points)"),
]


def level_points(level: str, extension_points: int = DEFAULT_EXTENSION_POINTS) -> int | None:
    """Points of one level out of MAX_SUPPORT_SCORE; None for unknown."""
    if level == SupportLevel.EXTENSION:
        return extension_points
    return SupportLevel(level).score


class FitTerm(NamedTuple):
    """One weighted criterion's share of a framework's score (a tuple: a ranking makes hundreds)."""

    criterion: Criterion
    weight: int
    level: SupportLevel | None  # None: not assessed yet
    points: int | None  # weight × level points; None when the level is unknown

    @property
    def max_points(self) -> int:
        return self.weight * MAX_SUPPORT_SCORE

    @property
    def level_points(self) -> int | None:
        return None if self.points is None else self.points // self.weight


@dataclass
class Fit:
    """How well one framework fits a reader's weights, with the terms that make the score.

    `points` and `max_points` (the best total on the criteria whose level is
    known) are summed while the terms are made: a ranking makes one Fit per
    framework and sorts by them, and draws only a page of them.
    """

    framework: object
    terms: list[FitTerm]
    points: int
    max_points: int

    @property
    def percent(self) -> int | None:
        """The share of the best possible total on what is known; None when nothing weighted is known."""
        return round(100 * self.points / self.max_points) if self.max_points else None

    @property
    def known(self) -> list[FitTerm]:
        return [term for term in self.terms if term.points is not None]

    @property
    def unknown(self) -> list[Criterion]:
        return [term.criterion for term in self.terms if term.points is None]


def fit_ranking(
    frameworks, weights: dict[Criterion, int], levels=None, extension_points: int = DEFAULT_EXTENSION_POINTS
) -> list[Fit]:
    """Rank frameworks by how well they cover what the reader weighs (see the module docstring).

    `levels`: {(column key, criterion id): level} when the caller has them, else
    read (`support_levels`). Frameworks rank by fit, then by how much of the
    weighting is known; nothing known ranks last; remaining ties keep the given order.
    """
    weighted = {criterion: weight for criterion, weight in weights.items() if weight}
    if not weighted:
        return []
    if levels is None:
        levels = support_levels(frameworks, list(weighted))
    # Per level, once: the member and what it earns (looked up below for every framework and criterion).
    points_of = {level: (level, level_points(level, extension_points)) for level in SupportLevel}
    weighed = [(criterion, criterion.pk, weight, weight * MAX_SUPPORT_SCORE) for criterion, weight in weighted.items()]
    fits = []
    for framework in frameworks:
        terms, points, max_points = [], 0, 0
        key = column_key(framework)
        for criterion, criterion_id, weight, best in weighed:
            level, level_score = points_of.get(levels.get((key, criterion_id)), (None, None))
            if level_score is None:  # unknown, or not assessed (level None)
                terms.append(FitTerm(criterion, weight, level, None))
                continue
            terms.append(FitTerm(criterion, weight, level, weight * level_score))
            points += weight * level_score
            max_points += best
        fits.append(Fit(framework, terms, points, max_points))
    return sorted(fits, key=lambda fit: ((percent := fit.percent) is None, -(percent or 0), -fit.max_points))
