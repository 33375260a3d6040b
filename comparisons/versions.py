"""Release versions as PEP 440 defines them: validation, sorting and the statement covering a release.

Versions are compared with `packaging.version.Version`, never as text:
"2.3" and "2.3.0" are the same release, and "3.10" comes after "3.9".
"""

from django.core.exceptions import ValidationError
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

# What a version may look like in a URL (`/compare/django@4.2-vs-flask/`): PEP 440's characters,
# at most as long as a stored version.
VERSION_MAX_LENGTH = 50
VERSION_IN_URL = rf"[0-9A-Za-z.!+_]{{1,{VERSION_MAX_LENGTH}}}"


def parse_version(text: str) -> Version | None:
    if not isinstance(text, str) or len(text) > VERSION_MAX_LENGTH:
        return None  # Version() of thousands of digits is a ValueError (Python's limit on int parsing)
    try:
        return Version(text)
    except (InvalidVersion, ValueError):
        return None


def normalized_version(text: str) -> str:
    """The version as PEP 440 writes it ("3.1-1" → "3.1.post1"); unchanged if it is not one."""
    version = parse_version(text)
    return str(version) if version is not None else text


def validate_version(value: str) -> None:
    if parse_version(value) is None:
        raise ValidationError(
            "“%(value)s” is not a version number as Python packages write them (PEP 440), for example 4.2 or 3.1.1.",
            code="invalid_version",
            params={"value": value},
        )


def validate_requires_python(value: str) -> None:
    if not value:
        return
    try:
        SpecifierSet(value)
    except InvalidSpecifier:
        raise ValidationError(
            "“%(value)s” is not a Python version specifier, for example >=3.10.",
            code="invalid_requires_python",
            params={"value": value},
        ) from None


def sorted_by_version(releases) -> list:
    """Releases oldest first, by their PEP 440 version."""
    return sorted(releases, key=lambda release: Version(release.version))


def current_statement(statements, newest):
    """Of a cell's statements, the one covering `newest` (the framework's newest release).

    Without releases only an open statement can exist, and it is the current one;
    with releases but none covered, there is none (the level is unknown).
    """
    if newest is None:
        return statements[-1] if statements else None
    return next((statement for statement in statements if covers(statement, newest)), None)


def covers(statement, release) -> bool:
    """Whether a support statement holds for `release`, by PEP 440 order of the releases in hand."""
    at = Version(release.version)
    if statement.since is not None and Version(statement.since.version) > at:
        return False
    return statement.until is None or at < Version(statement.until.version)


def find_release(releases, text: str):
    """The release among `releases` whose version equals `text` under PEP 440, or None."""
    wanted = parse_version(text)
    if wanted is None:
        return None
    return next((release for release in releases if Version(release.version) == wanted), None)


def newest_release(releases):
    """The release readers mean by "the current one": the newest final release not yanked.

    Falls back to the newest release of any kind when there is no such release.
    """
    ordered = sorted_by_version(releases)
    final = [release for release in ordered if not release.is_yanked and not Version(release.version).is_prerelease]
    chosen = final or ordered
    return chosen[-1] if chosen else None
