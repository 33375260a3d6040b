"""Virtual environments for framework releases: one per release, Python and set of requirements, cached.

pip installs the release from the package index as pip's own configuration
names it (`pip config`, PIP_INDEX_URL, or pip's default): nothing here names a
registry.
"""

import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

READY_MARKER = "comparesite-installed.json"
CANDIDATE_PYTHONS = [f"python3.{minor}" for minor in range(14, 9, -1)]


PIP_LOCATION_LINE = re.compile(r"Looking in (indexes|links): |WARNING: Location '.*' is ignored")


def without_locations(pip_log: str) -> str:
    """pip's output without the lines about where it looked: this machine's index and folders, not the release's story.

    Results are published (pages, API, the seed); pip's configuration is not.
    """
    return "".join(line for line in pip_log.splitlines(keepends=True) if not PIP_LOCATION_LINE.match(line))


class InstallFailed(Exception):
    """pip could not install the release (or its probes' requirements); `log` holds what it said."""

    def __init__(self, message: str, log: str = ""):
        super().__init__(message)
        self.log = log


@dataclass(frozen=True)
class Interpreter:
    path: str
    version: Version

    @property
    def series(self) -> str:
        return f"{self.version.major}.{self.version.minor}"


@functools.cache
def _interpreter_version(path: str) -> Version | None:
    try:
        answer = subprocess.run(  # noqa: S603 - an interpreter the settings or PATH name
            [path, "-c", "import platform; print(platform.python_version())"],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        )
        return Version(answer.stdout.strip())
    except (OSError, subprocess.SubprocessError, ValueError):
        return None


def interpreters(wanted: str | None = None) -> list[Interpreter]:
    """The Pythons that can make environments, newest first.

    `wanted` narrows them to one: an interpreter path, or a version such as "3.12".
    """
    if wanted and os.sep in wanted:
        names = [wanted]
    else:
        names = settings.EVIDENCE_PYTHONS or [
            found for found in (shutil.which(name) for name in CANDIDATE_PYTHONS) if found
        ]
        names = [*names, sys.executable]
    found = {}
    for name in names:
        version = _interpreter_version(name)
        if version is not None and version not in found:
            found[version] = Interpreter(name, version)
    chosen = sorted(found.values(), key=lambda interpreter: interpreter.version, reverse=True)
    if wanted and os.sep not in wanted:
        chosen = [
            interpreter for interpreter in chosen if interpreter.series == wanted or str(interpreter.version) == wanted
        ]
    return chosen


def admitted_interpreters(requires_python: str, available: list[Interpreter], *, oldest=False) -> list[Interpreter]:
    """The interpreters of `available` that a release's Requires-Python admits (all, if none), best first.

    `available` is newest first, and so is the answer, unless `oldest`: old
    releases rarely state an upper bound, yet break on Pythons that came after
    them, so the oldest admitted one is the likelier to run them.
    """
    try:
        specifier = SpecifierSet(requires_python or "")
    except InvalidSpecifier:
        specifier = SpecifierSet()
    candidates = reversed(available) if oldest else available
    return [python for python in candidates if specifier.contains(python.version, prereleases=True)]


def requirement_for(package: str, version: str) -> str:
    return f"{package}=={version}"


def environment(package: str, version: str, python: Interpreter, requires: list[str]) -> Path:
    """A virtual environment with the release and `requires` installed; made on first use, then reused.

    Raises InstallFailed with pip's output when the install fails (nothing is cached then).
    """
    wanted = sorted({requirement_for(package, version), *requires})
    key = hashlib.sha256(json.dumps([str(python.version), wanted]).encode()).hexdigest()[:12]
    home = Path(settings.EVIDENCE_CACHE_DIR) / f"{package.lower()}-{version}-py{python.series}-{key}"
    if (home / READY_MARKER).is_file():
        return home
    if home.exists():
        shutil.rmtree(home)  # a half-made environment from an interrupted run
    home.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(  # noqa: S603
            [python.path, "-m", "venv", "--without-pip", str(home)],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
    except subprocess.CalledProcessError as error:
        raise InstallFailed(
            f"Could not make a virtual environment with Python {python.version}.", error.stderr
        ) from None
    except subprocess.TimeoutExpired:
        raise InstallFailed(f"Making a virtual environment with Python {python.version} timed out.") from None
    # The site's own pip installs into the environment (`pip --python`, pip 22.3 and later): no pip is
    # bootstrapped into each environment, and the release sees only what it needs.
    pip = [sys.executable, "-m", "pip", "--python", str(python_in(home)), "install", "--disable-pip-version-check"]
    # The release as published for this Python: a wheel, never a build from source (old releases of
    # frameworks with C parts would need compilers and minutes, and prove nothing about the wheel).
    pip += ["--no-input", "--only-binary", package, *wanted]
    try:
        answer = subprocess.run(  # noqa: S603
            pip, capture_output=True, text=True, timeout=settings.EVIDENCE_INSTALL_SECONDS, env=_pip_environment()
        )
    except subprocess.TimeoutExpired:
        shutil.rmtree(home, ignore_errors=True)
        raise InstallFailed(f"Installing {' '.join(wanted)} took over {settings.EVIDENCE_INSTALL_SECONDS} s.") from None
    if answer.returncode != 0:
        shutil.rmtree(home, ignore_errors=True)
        raise InstallFailed(
            f"pip could not install {' '.join(wanted)}.", without_locations(answer.stdout + answer.stderr)
        )
    (home / READY_MARKER).write_text(json.dumps({"python": str(python.version), "requirements": wanted}))
    return home


def python_in(home: Path) -> Path:
    return home / ("Scripts" if os.name == "nt" else "bin") / "python"


def _pip_environment() -> dict:
    """The site's environment without its secrets: pip keeps its own configuration (PIP_*, HOME, proxies)."""
    kept = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE")
    proxies = ("HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy")
    return {
        name: value
        for name, value in os.environ.items()
        if name in kept or name in proxies or name.startswith("PIP_") or name.startswith("XDG_")
    }
