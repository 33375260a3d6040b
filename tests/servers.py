"""The site run as in production, for tests: gunicorn in production mode on loopback, and a client for it.

Tests that need the real deployment (several app servers, a dependency that
is down) start it with these helpers exactly as `make serve` does: gunicorn
with comparesite/gunicorn.conf.py, collected static files, settings from the
environment only. Requests carry `X-Forwarded-Proto: https`, as from the
TLS-terminating load balancer.
"""

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest

PROJECT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
POSTGRES = "postgres://postgres@127.0.0.1:5432"
REDIS = "redis://127.0.0.1:6379/0"


def reachable(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def free_port() -> int:
    """A loopback port nothing listens on (also what an unreachable dependency looks like)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def require(*services: str) -> None:
    """Skip (fail in CI) unless PostgreSQL and/or Redis listen on their usual loopback ports."""
    ports = {"PostgreSQL": 5432, "Redis": 6379}
    missing = [name for name in services if not reachable(ports[name])]
    if missing:
        message = f"{' and '.join(missing)} not reachable on 127.0.0.1: this test needs the real services."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@contextlib.contextmanager
def fresh_database(label: str):
    """A new, empty PostgreSQL database for one test module, dropped afterwards."""
    import psycopg

    name = f"comparesite_{label}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{POSTGRES}/{name}"
    finally:
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def production_environment(static_root, **overrides) -> dict:
    return {
        "PATH": os.environ["PATH"],
        "DJANGO_ENV_FILE": os.devnull,
        "DJANGO_SECRET_KEY": "test-deployment-" + uuid.uuid4().hex + uuid.uuid4().hex,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_PROXY_SSL_HEADER": "1",
        "DJANGO_DB_CONN_MAX_AGE": "60",
        "DJANGO_STATIC_ROOT": str(static_root),
        "WEB_CONCURRENCY": "2",
        **overrides,
    }


def manage(environment: dict, *args: str) -> str:
    result = subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", *args], cwd=PROJECT, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@contextlib.contextmanager
def gunicorn(environment: dict, log_path: Path, *, ready_status: int = 200):
    """gunicorn as `make serve` starts it, on a free loopback port; yields the port once /healthz answers."""
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 (gunicorn from our own venv)
        [BIN / "gunicorn", "comparesite.wsgi", "--config", "comparesite/gunicorn.conf.py"],
        cwd=PROJECT,
        env={**environment, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while not (reachable(port) and Browser().request(port, "GET", "/healthz")[0] == ready_status):
            assert server.poll() is None, f"gunicorn exited: {log_path.read_text()[-2000:]}"
            assert time.monotonic() < deadline, f"gunicorn on port {port} did not become ready"
            time.sleep(0.3)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


class Browser:
    """Just enough of a browser behind a TLS proxy: cookies (Secure ones included) and redirects not followed."""

    def __init__(self):
        self.cookies = SimpleCookie()

    def request(self, port, method, path, *, form=None, json_body=None, headers=None):
        headers = {"Host": f"127.0.0.1:{port}", "X-Forwarded-Proto": "https", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={morsel.value}" for name, morsel in self.cookies.items())
        body = None
        if form is not None:
            body, headers["Content-Type"] = urlencode(form), "application/x-www-form-urlencoded"
        elif json_body is not None:
            body, headers["Content-Type"] = json.dumps(json_body), "application/json"
        if method not in {"GET", "HEAD"}:
            headers.setdefault("Referer", f"https://127.0.0.1:{port}{path}")
            if "csrftoken" in self.cookies:
                headers["X-CSRFToken"] = self.cookies["csrftoken"].value
        connection = HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            self.cookies.load(header)
        connection.close()
        return response.status, response.headers, content
