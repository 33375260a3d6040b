"""Frameworks at releases: what a compare column is, how URLs name it, and the releases readers can pick.

A compare column is a Framework object with `release` (None: its current
release), `release_list` (oldest first) and `current_release`. The same
framework may be two columns at two releases (`/compare/django@3.0-vs-django/`).
"""

import copy
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.urls import reverse

from .caching import cached_by_slug
from .models import COMPARE_SEPARATOR, SLUG_PATTERN, Framework, Release
from .versions import VERSION_IN_URL, find_release, newest_release, parse_version, sorted_by_version

MAX_COMPARED_FRAMEWORKS = 6
# How a URL names a column: a framework's slug, optionally at a release ("django@4.2").
FRAMEWORK_REF = re.compile(rf"(?P<slug>{SLUG_PATTERN})(?:@(?P<version>{VERSION_IN_URL}))?")


def column_key(framework) -> tuple[int, int]:
    """A compare column: a framework at a release (`framework.release`; 0 = its current release)."""
    release = getattr(framework, "release", None)
    return (framework.pk, release.pk if release is not None else 0)


def framework_ref(framework) -> str:
    """How a compare URL names a column: "django", or "django@4.2" at a chosen release."""
    release = getattr(framework, "release", None)
    return framework.slug if release is None else f"{framework.slug}@{release.version}"


def compare_path_of(frameworks) -> str:
    """The canonical compare URL of these columns, already in canonical order (see `compared_frameworks`)."""
    return reverse("comparisons:compare", kwargs={"slugs": COMPARE_SEPARATOR.join(map(framework_ref, frameworks))})


def column_at(framework, release):
    """A compare column of `framework` at `release` (None: its current release)."""
    column = copy.copy(framework)
    column.release = release
    return column


def with_releases(frameworks) -> None:
    """Give each framework its releases (oldest first) and its `current_release`, in one query (none for none)."""
    if not frameworks:
        return
    by_framework = {}
    for release in Release.objects.filter(framework__in={framework.pk for framework in frameworks}):
        by_framework.setdefault(release.framework_id, []).append(release)
    for framework in frameworks:
        framework.release_list = sorted_by_version(by_framework.get(framework.pk, []))
        framework.current_release = newest_release(framework.release_list)


def frameworks_named(slugs) -> dict[str, Framework | None]:
    """`{slug: the published framework it names, or None}`, kept under the content version: compare columns.

    Without the long description, which no compare page or response shows.
    """
    published = Framework.objects.published().defer("description", "description_html")
    return cached_by_slug("framework-named", published, slugs)


def compared_frameworks(refs) -> list[Framework]:
    """The columns `refs` name ("django", "django@4.2", "flask@latest"), in canonical order, or a ValidationError.

    The one rule for what can be compared, used by the compare page and the API:
    two to six published frameworks, each at its current release or at one of
    its releases; the same framework may appear at two releases. Columns are
    sorted by slug, then release; each is its own Framework object with
    `release` (None = current); frameworks named at a release also get
    `release_list` and `current_release`. Releases are read only for those.
    """
    wanted = []
    for ref in dict.fromkeys(refs):
        parsed = FRAMEWORK_REF.fullmatch(ref) or FRAMEWORK_REF.fullmatch(ref.removesuffix("@latest"))
        if parsed is None:
            raise ValidationError(
                "“%(ref)s” is not a framework slug, or a slug and a version such as django@4.2.",
                code="unknown_framework",
                params={"ref": ref[:60]},
            )
        version = parsed["version"]
        wanted.append((parsed["slug"], None if version in (None, "latest") else version))
    slugs = {slug for slug, _ in wanted}
    frameworks = {slug: framework for slug, framework in frameworks_named(slugs).items() if framework is not None}
    unknown = sorted(slugs - set(frameworks))
    if unknown:
        raise ValidationError(
            "Not a published framework: %(slugs)s.", code="unknown_framework", params={"slugs": ", ".join(unknown)}
        )
    with_releases([frameworks[slug] for slug, version in wanted if version is not None])
    columns = {}
    for slug, version in wanted:
        framework = frameworks[slug]
        release = None
        if version is not None:
            release = find_release(framework.release_list, version)
            if release is None:
                _refuse_version(framework, version)
        column = column_at(framework, release)
        columns.setdefault(column_key(column), column)
    chosen = sorted(columns.values(), key=lambda c: (c.slug, c.release is None, c.release.ordinal if c.release else 0))
    if len(chosen) < 2:
        raise ValidationError("Choose at least two frameworks to compare.", code="too_few")
    if len(chosen) > MAX_COMPARED_FRAMEWORKS:
        raise ValidationError(
            "Compare at most %(max)d frameworks at a time; you chose %(count)d.",
            code="too_many",
            params={"max": MAX_COMPARED_FRAMEWORKS, "count": len(chosen)},
        )
    return chosen


def frameworks_at(frameworks, refs) -> tuple[list, list[str]]:
    """`frameworks` with those `refs` names ("django@4.2") at those releases, and the problems, in words.

    For the fit page: every framework stays in the ranking; one named at a
    release is ranked as it was then.
    """
    by_slug = {framework.slug: framework for framework in frameworks}
    wanted, problems = {}, []
    for ref in refs:
        parsed = FRAMEWORK_REF.fullmatch(ref)
        if parsed is None or parsed["version"] is None or parsed["slug"] not in by_slug:
            problems.append(f"“{ref[:60]}” is not a published framework at a release, such as django@4.2.")
        else:
            wanted[parsed["slug"]] = parsed["version"]
    with_releases([by_slug[slug] for slug in wanted])
    for slug, version in wanted.items():
        try:
            by_slug[slug] = column_at(by_slug[slug], release_named(by_slug[slug], version))
        except ValidationError as error:
            problems.extend(error.messages)
    return [by_slug[framework.slug] for framework in frameworks], problems


def _refuse_version(framework, version: str):
    """A version the framework has no release of: before its first release (invalid) or unknown (not found)."""
    parsed, first = parse_version(version), framework.release_list[0] if framework.release_list else None
    if parsed is not None and first is not None and parsed < parse_version(first.version):
        raise ValidationError(
            "%(name)s %(version)s predates its first release, %(first)s.",
            code="before_first_release",
            params={"name": framework.name, "version": version, "first": first.version},
        )
    raise ValidationError(
        "%(name)s has no release %(version)s.",
        code="unknown_release",
        params={"name": framework.name, "version": version},
    )


# The release picker of a compare column offers the newest release of each minor series, up to this many.
RELEASE_CHOICES_MAX = 40


def release_series(releases) -> list:
    """The newest final, unyanked release of each major.minor series, newest first; `releases` oldest first."""
    newest_of = {}
    for release in releases:  # oldest first: later ones replace earlier ones
        version = parse_version(release.version)
        if version is not None and not version.is_prerelease and not release.is_yanked:
            newest_of[version.release[:2]] = release
    return sorted(newest_of.values(), key=lambda release: release.ordinal, reverse=True)


@dataclass
class TimelinePoint:
    release: Release
    x: float  # 0–1000 across the chart
    is_major: bool  # the first release of a major version: labelled

    @property
    def anchor(self) -> str:
        """How its label is aligned, so labels at the chart's ends stay inside it."""
        if self.x < 4 * TIMELINE_MARGIN:
            return "start"
        return "end" if self.x > TIMELINE_WIDTH - 4 * TIMELINE_MARGIN else "middle"


@dataclass
class ReleaseFacts:
    """What a framework page shows of its releases."""

    current: Release | None
    supported: list  # releases the project still supports (an end date ahead), newest first
    series: list  # the newest release of each minor series, newest first
    timeline: list[TimelinePoint]
    first_year: int | None = None
    last_year: int | None = None


TIMELINE_WIDTH = 1000
TIMELINE_MARGIN = 20


def release_facts(framework, today) -> ReleaseFacts:
    """Current, supported and past releases of a framework with `release_list`, and its timeline chart."""
    finals = [
        release
        for release in framework.release_list
        if release.released_on is not None and not release.is_prerelease and not release.is_yanked
    ]
    supported = [release for release in framework.release_list if release.is_supported_on(today)]
    facts = ReleaseFacts(
        current=framework.current_release,
        supported=sorted(supported, key=lambda release: release.ordinal, reverse=True),
        series=release_series(framework.release_list),
        timeline=[],
    )
    if not finals:
        return facts
    start = min(release.released_on for release in finals)
    end = max(today, *(release.released_on for release in finals))
    span = max((end - start).days, 1)
    seen_majors = set()
    first_of_series = {}
    for release in finals:  # oldest first: each minor series keeps its first release
        first_of_series.setdefault(parse_version(release.version).release[:2], release)
    for release in first_of_series.values():
        major = parse_version(release.version).release[0]
        x = TIMELINE_MARGIN + (TIMELINE_WIDTH - 2 * TIMELINE_MARGIN) * (release.released_on - start).days / span
        facts.timeline.append(TimelinePoint(release, round(x, 1), major not in seen_majors))
        seen_majors.add(major)
    facts.first_year, facts.last_year = start.year, end.year
    return facts


def release_named(framework, version: str) -> Release:
    """The framework's release `version` (PEP 440 equality), or a ValidationError as the compare page gives."""
    release = find_release(framework.release_list, version)
    if release is None:
        _refuse_version(framework, version)
    return release
