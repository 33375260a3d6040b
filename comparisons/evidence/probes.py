"""Probes: the files under probes/ that check a cell's claim by running the real framework.

A probe declares what it checks in four literal constants (FRAMEWORK, CRITERION,
SHOWS, REQUIRES; see docs/evidence.md), read here with `ast`: the site never
imports or runs a probe itself.
"""

import ast
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from packaging.requirements import InvalidRequirement, Requirement

from ..choices import ProbeKind
from ..models import SLUG_PATTERN
from ..versions import parse_version

HEADER = ("FRAMEWORK", "CRITERION", "SHOWS", "REQUIRES")
# Example probes also name the example's release, title and code (examples.py).
OPTIONAL = ("RELEASE", "EXAMPLE_TITLE", "EXAMPLE_SHA")


class ProbeError(ValueError):
    """A probe file whose header the collector cannot use; the message names the file and the problem."""


@dataclass(frozen=True)
class Probe:
    path: str  # relative to the probes directory, with forward slashes
    framework: str
    criterion: str
    kind: str  # a ProbeKind value
    requires: tuple[str, ...]
    source: str
    summary: str  # the docstring's first line
    release: str = ""  # a release it must run on besides the ones a run chooses (an example's)
    example_sha: str = ""  # example probes: the SHA-256 of the example code they run
    example_title: str = field(default="", compare=False)

    @property
    def sha(self) -> str:
        return sha256(self.source)

    @property
    def shows_presence(self) -> bool:
        return self.kind == ProbeKind.PRESENCE


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def probes_dir() -> Path:
    return Path(settings.EVIDENCE_PROBES_DIR)


def read_probe(file: Path, root: Path | None = None) -> Probe:
    """The probe in `file`, its header checked; ProbeError says what is wrong."""
    root = root or probes_dir()
    relative = file.relative_to(root).as_posix()
    source = file.read_text(encoding="utf-8")
    try:
        module = ast.parse(source, filename=relative)
    except SyntaxError as error:
        raise ProbeError(f"{relative}: not valid Python ({error.msg}, line {error.lineno}).") from None
    values = {}
    for node in module.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name in HEADER or name in OPTIONAL:
                try:
                    values[name] = ast.literal_eval(node.value)
                except ValueError:
                    raise ProbeError(f"{relative}: {name} must be a literal.") from None
    missing = [name for name in HEADER if name not in values]
    if missing:
        raise ProbeError(f"{relative}: missing {', '.join(missing)} (see docs/evidence.md).")
    for name in ("FRAMEWORK", "CRITERION"):
        if not isinstance(values[name], str) or not re.fullmatch(SLUG_PATTERN, values[name]):
            raise ProbeError(f"{relative}: {name} must be a slug, not {values[name]!r}.")
    if values["SHOWS"] not in ProbeKind.values:
        raise ProbeError(f"{relative}: SHOWS must be one of {', '.join(ProbeKind.values)}.")
    requires = values["REQUIRES"]
    if not isinstance(requires, list | tuple) or not all(isinstance(item, str) for item in requires):
        raise ProbeError(f"{relative}: REQUIRES must be a list of pip requirement strings.")
    for item in requires:
        try:
            requirement = Requirement(item)
        except InvalidRequirement as error:
            raise ProbeError(f"{relative}: REQUIRES has {item!r}, not a requirement ({error}).") from None
        if requirement.url:
            raise ProbeError(f"{relative}: REQUIRES names a URL ({item!r}); name a package pip finds on its index.")
    if relative.split("/")[0] != values["FRAMEWORK"]:
        raise ProbeError(f"{relative}: FRAMEWORK is {values['FRAMEWORK']!r}, but the probe lives in another folder.")
    if values.get("RELEASE") and parse_version(str(values["RELEASE"])) is None:
        raise ProbeError(f"{relative}: RELEASE {values['RELEASE']!r} is not a PEP 440 version.")
    docstring = ast.get_docstring(module) or ""
    return Probe(
        path=relative,
        framework=values["FRAMEWORK"],
        criterion=values["CRITERION"],
        kind=values["SHOWS"],
        requires=tuple(requires),
        source=source,
        summary=docstring.strip().splitlines()[0] if docstring.strip() else "",
        release=values.get("RELEASE", ""),
        example_sha=values.get("EXAMPLE_SHA", ""),
        example_title=values.get("EXAMPLE_TITLE", ""),
    )


# Where the generated probes of code examples live inside a framework's folder (see examples.py).
EXAMPLES_DIR = "examples"


def all_probes(root: Path | None = None, framework: str | None = None) -> list[Probe]:
    """Every probe under `root` (of one framework, if given), in path order; ProbeError on a bad one."""
    root = root or probes_dir()
    # probes/<framework>/*.py and the generated probes/<framework>/examples/*.py; nothing deeper
    files = sorted([*root.glob("*/*.py"), *root.glob(f"*/{EXAMPLES_DIR}/*.py")])
    probes = [read_probe(file, root) for file in files if not file.name.startswith("_")]
    return [probe for probe in probes if framework is None or probe.framework == framework]


def probe_source(path: str) -> str | None:
    """The current text of the probe at `path` (relative to the probes directory), or None if it is gone."""
    root = probes_dir().resolve()
    file = (root / path).resolve()
    if not file.is_relative_to(root) or file.suffix != ".py" or not file.is_file():
        return None
    return file.read_text(encoding="utf-8")
