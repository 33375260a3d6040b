"""`manage.py sync_releases`: releases from the index pip is configured to use, against a recorded answer.

The recorded answer (tests/data/index/flask.json) is the index's JSON page for Flask
(PEP 691 with PEP 700 upload times), cut down to four releases and with file URLs
made relative. A local HTTP server plays the index; nothing reaches the network.
"""

import datetime
import http.server
import json
import socket
import threading
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from comparisons.models import Framework, Release

from .factories import FrameworkFactory

RECORDED = json.loads((Path(__file__).parent / "data" / "index" / "flask.json").read_text())
JSON_API = "application/vnd.pypi.simple.v1+json"

pytestmark = pytest.mark.django_db


class RecordedIndex(http.server.BaseHTTPRequestHandler):
    pages = {}  # path -> project page
    url = ""

    last_authorization = ""

    def do_GET(self):
        type(self).last_authorization = self.headers.get("Authorization", "")
        page = self.pages.get(self.path)
        if page is None:
            self.send_error(404)
            return
        body = json.dumps(page).encode()
        self.send_response(200)
        self.send_header("Content-Type", JSON_API)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def index(monkeypatch):
    """A local index serving Flask's recorded page at /simple/flask/, named by PIP_INDEX_URL."""
    RecordedIndex.pages = {"/simple/flask/": json.loads(json.dumps(RECORDED))}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RecordedIndex)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    RecordedIndex.url = f"http://127.0.0.1:{server.server_address[1]}/simple"
    monkeypatch.setenv("PIP_INDEX_URL", RecordedIndex.url)
    yield RecordedIndex.pages
    server.shutdown()


@pytest.fixture
def flask(db):
    return FrameworkFactory(name="Flask", slug="flask", packages="Flask")


def test_releases_come_from_the_index_with_their_day_and_python(index, flask, capsys):
    call_command("sync_releases", "flask")

    releases = {release.version: release for release in Release.objects.filter(framework=flask)}
    assert sorted(releases) == ["0.1", "2.0.0", "3.1.0", "3.1.3"]
    assert releases["3.1.3"].released_on == datetime.date(2026, 2, 19)
    assert releases["3.1.3"].requires_python == ">=3.9"
    assert releases["0.1"].requires_python == ""
    assert [r.version for r in Release.objects.filter(framework=flask).order_by("ordinal")] == [
        "0.1",
        "2.0.0",
        "3.1.0",
        "3.1.3",
    ]
    assert Framework.objects.get(slug="flask").latest_version == "3.1.3"
    assert "flask: 4 releases on the index; 4 added, 0 updated" in capsys.readouterr().out


def test_a_second_sync_changes_nothing_and_keeps_what_editors_added(index, flask, capsys):
    call_command("sync_releases", "flask")
    Release.objects.filter(version="3.1.3").update(is_lts=True)

    call_command("sync_releases", "flask")

    assert "4 releases on the index; 0 added, 0 updated" in capsys.readouterr().out
    assert Release.objects.get(version="3.1.3").is_lts


def test_a_release_whose_files_are_all_yanked_is_yanked_and_not_current(index, flask):
    for file in index["/simple/flask/"]["files"]:
        if "3.1.3" in file["filename"]:
            file["yanked"] = "Broken upload"  # PEP 592: a reason counts as yanked

    call_command("sync_releases", "flask")

    assert Release.objects.get(version="3.1.3").is_yanked
    assert Framework.objects.get(slug="flask").latest_version == "3.1.0"


def test_the_index_can_come_from_pips_configuration_file(index, flask, monkeypatch, tmp_path):
    monkeypatch.delenv("PIP_INDEX_URL")
    config = tmp_path / "pip.conf"
    config.write_text(f"[global]\nindex-url = {RecordedIndex.url}\n")
    monkeypatch.setenv("PIP_CONFIG_FILE", str(config))

    call_command("sync_releases", "flask")

    assert Release.objects.filter(framework=flask).count() == 4


def test_an_unreachable_index_is_a_clear_error_and_changes_nothing(flask, monkeypatch):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    monkeypatch.setenv("PIP_INDEX_URL", f"http://127.0.0.1:{port}/simple")

    with pytest.raises(CommandError, match=r"Could not reach the index .* Nothing was changed\."):
        call_command("sync_releases", "flask")

    assert not Release.objects.exists()


def test_a_project_the_index_does_not_know_is_named(index, db):
    FrameworkFactory(slug="nowhere", packages="nowhere-web")

    with pytest.raises(CommandError, match="The index has no project “nowhere-web”"):
        call_command("sync_releases", "nowhere")


def test_a_framework_without_packages_is_refused_by_name(index, db):
    FrameworkFactory(slug="bare", packages="")

    with pytest.raises(CommandError, match=r"packages on the index first .*: bare"):
        call_command("sync_releases", "bare")


def test_a_sync_that_adds_releases_is_seen_on_the_next_request(index, flask, client, settings):
    from comparisons.caching import content_version

    before = content_version()

    call_command("sync_releases", "flask")

    assert content_version() != before


def test_what_the_index_does_not_say_is_not_erased(index, flask):
    call_command("sync_releases", "flask")
    for file in index["/simple/flask/"]["files"]:
        file.pop("upload-time")
        file.pop("requires-python", None)

    call_command("sync_releases", "flask")

    release = Release.objects.get(version="3.1.3")
    assert (release.released_on, release.requires_python) == (datetime.date(2026, 2, 19), ">=3.9")


def test_credentials_in_the_index_url_are_sent_but_never_printed(index, flask, monkeypatch, capsys):
    monkeypatch.setenv("PIP_INDEX_URL", RecordedIndex.url.replace("http://", "http://reader:s3cret@"))

    call_command("sync_releases", "flask")

    assert "s3cret" not in capsys.readouterr().out
    assert RecordedIndex.last_authorization.startswith("Basic ")
