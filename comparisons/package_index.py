"""Releases from the package index that pip on this machine is configured to use.

The index is pip's: `PIP_INDEX_URL`, else `index-url` in pip's configuration
files (what `pip config list` shows), else pip's own default. Its JSON API
(PEP 691, with PEP 700's upload times) lists every file of a project; files
are grouped into releases by the version in their names.
"""

import base64
import datetime
import http.client
import json
import ssl
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    canonicalize_name,
    parse_sdist_filename,
    parse_wheel_filename,
)

JSON_API = "application/vnd.pypi.simple.v1+json"
TIMEOUT_SECONDS = 30


class PackageIndexError(Exception):
    """The index could not be read: a message for the person running the command."""


@dataclass(frozen=True)
class IndexRelease:
    version: str
    released_on: datetime.date | None
    is_yanked: bool
    requires_python: str


@dataclass(frozen=True)
class PipIndex:
    url: str
    cafile: str | None = None

    @property
    def shown_url(self) -> str:
        """The URL without any user name or password in it, to print."""
        parts = urllib.parse.urlsplit(self.url)
        if "@" not in parts.netloc:
            return self.url
        return parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]).geturl()


def pip_settings() -> dict[str, str]:
    """pip's configuration as `pip config list` prints it: {"global.index-url": "…", ":env:.cert": "…"}."""
    result = subprocess.run(
        [sys.executable, "-m", "pip", "config", "list"], capture_output=True, text=True, check=False, timeout=60
    )
    settings = {}
    for line in result.stdout.splitlines():
        key, separator, value = line.partition("=")
        if separator:
            settings[key.strip()] = value.strip().strip("'\"")
    return settings


def _setting(settings: dict[str, str], name: str) -> str | None:
    # `pip config list` names each value by its section (":env:" for PIP_* variables); the
    # environment overrides the files, and the install command's section the global one.
    for scope in (":env:", "install", "global"):
        if f"{scope}.{name}" in settings:
            return settings[f"{scope}.{name}"]
    return None


def pip_index() -> PipIndex:
    """The index pip installs from here, and the certificate bundle pip is told to trust, if any."""
    settings = pip_settings()
    url = _setting(settings, "index-url")
    if not url:
        from pip._internal.models.index import PyPI  # pip's own default; pip has no public API for it

        url = PyPI.simple_url
    return PipIndex(url=url.rstrip("/"), cafile=_setting(settings, "cert"))


def fetch_project(index: PipIndex, name: str) -> dict:
    """The index's JSON page of one project (PEP 691)."""
    parts = urllib.parse.urlsplit(f"{index.url}/{canonicalize_name(name)}/")
    url = f"{index.shown_url}/{canonicalize_name(name)}/"
    if parts.scheme not in ("https", "http"):
        raise PackageIndexError(f"pip's index {index.shown_url} is not an HTTP index; set PIP_INDEX_URL to one.")
    headers = {"Accept": JSON_API}
    if parts.username:  # a private index: credentials go in a header, never in what is printed
        credentials = f"{urllib.parse.unquote(parts.username)}:{urllib.parse.unquote(parts.password or '')}"
        headers["Authorization"] = "Basic " + base64.b64encode(credentials.encode()).decode()
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (http and https only, above)
    context = ssl.create_default_context(cafile=index.cafile) if index.cafile else None
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS, context=context) as response:  # noqa: S310
            content_type = response.headers.get_content_type()
            body = response.read()
    except urllib.error.HTTPError as error:
        if error.code == 404:
            raise PackageIndexError(f"The index has no project “{name}” ({url}).") from None
        raise PackageIndexError(f"The index answered {error.code} for {url}.") from None
    except (urllib.error.URLError, http.client.HTTPException, ValueError, TimeoutError, OSError) as error:
        raise PackageIndexError(f"Could not reach the index at {url}: {getattr(error, 'reason', error)}.") from None
    if content_type != JSON_API:
        raise PackageIndexError(
            f"The index at {index.shown_url} does not serve the JSON API (PEP 691): got {content_type}."
        )
    try:
        return json.loads(body)
    except ValueError:
        raise PackageIndexError(f"The index sent a page that is not JSON for {url}.") from None


def _version_of(filename: str, project: str) -> str | None:
    try:
        if filename.endswith(".whl"):
            return str(parse_wheel_filename(filename)[1])
        name, version = parse_sdist_filename(filename)
    except (InvalidWheelFilename, InvalidSdistFilename):
        return None  # eggs, .exe installers and other old formats: their names are not reliable
    return str(version) if canonicalize_name(name) == canonicalize_name(project) else None


def releases_of(project_page: dict) -> list[IndexRelease]:
    """The releases a project page lists: each version's first upload day, yanked when every file is."""
    files_by_version = {}
    project = project_page.get("name", "")
    for file in project_page.get("files", []):
        version = _version_of(file.get("filename", ""), project)
        if version is not None:
            files_by_version.setdefault(version, []).append(file)
    releases = []
    for version, files in files_by_version.items():
        uploaded = sorted(file["upload-time"] for file in files if file.get("upload-time"))
        requires = [file["requires-python"] for file in files if file.get("requires-python")]
        releases.append(
            IndexRelease(
                version=version,
                released_on=datetime.datetime.fromisoformat(uploaded[0].replace("Z", "+00:00")).date()
                if uploaded
                else None,
                is_yanked=all(file.get("yanked") not in (None, False) for file in files),
                requires_python=max(requires, key=requires.count) if requires else "",
            )
        )
    return releases
