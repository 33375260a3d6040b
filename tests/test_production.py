"""Production mode: the headers, cookies and guards the site needs on the open internet.

The suite runs with the production settings (debug off), so what is asserted
here is what a deployment sends.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection

from comparesite import health

from .factories import FrameworkFactory

PROJECT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "PATH": os.environ["PATH"],
    "DJANGO_ENV_FILE": os.devnull,
    "DJANGO_SECRET_KEY": "production-like-secret-" + "k3y-" * 12,
    "DJANGO_ALLOWED_HOSTS": "compare.example.org",
}


def manage(*args, **environment):
    return subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env={**PRODUCTION_ENV, **environment},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_deployment_checklist_passes_with_the_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deployment_checklist_catches_debug_mode():
    result = manage("check", "--deploy", "--fail-level", "WARNING", DJANGO_DEBUG="1")

    assert result.returncode != 0
    assert "DEBUG" in result.stdout + result.stderr


# -- Headers on every page ------------------------------------------------------------


@pytest.fixture
def home(client, flask_and_django):
    return client.get("/", secure=True)


def test_pages_carry_a_content_security_policy_without_inline_scripts(home):
    policy = dict(directive.strip().split(" ", 1) for directive in home["Content-Security-Policy"].split(";"))

    assert policy["script-src"] == "'self'"
    assert policy["default-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in home["Content-Security-Policy"]
    assert "unsafe-eval" not in home["Content-Security-Policy"]


def test_only_the_api_docs_allow_inline_styles_and_never_inline_scripts(client):
    policy = client.get("/api/docs/")["Content-Security-Policy"]

    assert "style-src 'self' 'unsafe-inline'" in policy
    assert "script-src 'self';" in policy + ";"


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("X-Frame-Options", "DENY"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Strict-Transport-Security", "max-age=31536000; includeSubDomains; preload"),
    ],
)
def test_pages_carry_the_security_headers(home, header, value):
    assert home[header] == value


def test_cached_pages_carry_the_same_security_headers(client, flask_and_django):
    first = client.get("/", secure=True)
    again = client.get("/", secure=True)

    assert again["X-Cache"] == "hit"
    for header in ("Content-Security-Policy", "X-Frame-Options", "Strict-Transport-Security", "Referrer-Policy"):
        assert again[header] == first[header]


def test_plain_http_is_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/frameworks/?q=flask")

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/frameworks/?q=flask"


def test_load_balancers_may_probe_healthz_over_plain_http(client, settings, db):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/healthz").status_code == 200


def test_behind_a_tls_proxy_the_forwarded_protocol_is_believed(client, settings, db):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

    assert client.get("/", HTTP_X_FORWARDED_PROTO="https").status_code == 200
    assert client.get("/", HTTP_X_FORWARDED_PROTO="http").status_code == 301


# -- Cookies and the admin login --------------------------------------------------------


@pytest.mark.parametrize("cookie_name", ["sessionid", "csrftoken"])
def test_cookies_are_secure_http_only_and_same_site(client, editor, cookie_name):
    client.get("/admin/login/", secure=True)
    response = client.post(
        "/admin/login/", {"username": "editor", "password": "editor-password", "next": "/admin/"}, secure=True
    )

    assert response.status_code == 302
    cookie = client.cookies[cookie_name]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def failed_login(client, password="wrong-guess", address="203.0.113.7"):
    return client.post(
        "/admin/login/", {"username": "editor", "password": password, "next": "/admin/"}, REMOTE_ADDR=address
    )


def test_repeated_failed_logins_lock_the_account_out_from_that_address(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert failed_login(client).status_code == 200  # the form again, with its error

    assert failed_login(client).status_code == 429
    # Now even the right password is refused from there…
    assert failed_login(client, password="editor-password").status_code == 429
    # …while the editor can still sign in from elsewhere.
    assert failed_login(client, password="editor-password", address="198.51.100.2").status_code == 302


def run_django(code: str, **environment):
    """Run `code` after django.setup() in a fresh interpreter with the production settings."""
    return subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", "import django; django.setup(); " + code],
        cwd=PROJECT,
        env={**PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": "comparesite.settings", **environment},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_admin_path_is_configurable():
    code = "from django.urls import reverse; print(reverse('admin:index'), reverse('admin:login'))"

    result = run_django(code, DJANGO_ADMIN_PATH="/desk/edit/")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["/desk/edit/", "/desk/edit/login/"]


@pytest.mark.parametrize(
    ("forwarded", "proxies", "expected"),
    [
        ("", 0, "192.0.2.1"),
        ("203.0.113.9", 0, "192.0.2.1"),  # no proxy configured: a client's own header is ignored
        ("203.0.113.9", 1, "203.0.113.9"),
        ("6.6.6.6, 203.0.113.9", 1, "203.0.113.9"),  # the left part was written by the client
        ("203.0.113.9, 10.0.0.2", 2, "203.0.113.9"),
    ],
)
def test_the_client_address_is_read_through_the_configured_proxies(rf, settings, forwarded, proxies, expected):
    from comparesite.middleware import client_ip

    settings.NUM_PROXIES = proxies
    request = rf.get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR=forwarded)

    assert client_ip(request) == expected


# -- Health and logs ----------------------------------------------------------------------


def test_healthz_reports_the_database_and_the_cache(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_healthz_names_a_failing_cache_with_a_503(client, db, monkeypatch):
    def unreachable(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(cache, "set", unreachable)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "failing", "database": "ok", "cache": "failing"}


def test_healthz_names_a_failing_database_with_a_503(client, db, monkeypatch):
    monkeypatch.setitem(health.CHECKS, "database", lambda: connection.cursor().execute("SELECT * FROM no_such_table"))

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] == "failing"


def test_every_request_is_logged_with_its_status_duration_and_queries(client, db, caplog):
    FrameworkFactory(slug="flask")

    with caplog.at_level("INFO", logger="comparesite.requests"):
        client.get("/frameworks/flask/?tab=all", REMOTE_ADDR="192.0.2.44")

    (record,) = [record for record in caplog.records if record.name == "comparesite.requests"]
    assert record.method == "GET"
    assert record.path == "/frameworks/flask/"
    assert record.query == "tab=all"
    assert record.status == 200
    assert record.duration_ms > 0
    assert record.queries > 0
    assert record.client_ip == "192.0.2.44"
    assert record.cache == "miss"


def test_production_logs_are_one_json_object_per_line():
    code = "from django.test import Client; Client(SERVER_NAME='compare.example.org').get('/healthz', secure=True)"

    result = run_django(code, DATABASE_URL="sqlite://:memory:")

    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    (request_line,) = [line for line in lines if line["logger"] == "comparesite.requests"]
    assert request_line["path"] == "/healthz"
    assert request_line["level"] == "INFO"
    assert {"time", "status", "duration_ms", "queries", "client_ip"} <= request_line.keys()
