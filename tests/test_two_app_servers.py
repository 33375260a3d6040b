"""Past one machine: two gunicorn instances in production mode sharing one PostgreSQL and one Redis.

What a load balancer needs from the app servers behind it: an edit made
through one is what readers get from the other on their next request, and a
login made on one is valid on the other. Each instance is started exactly as
`make serve` starts it (gunicorn with comparesite/gunicorn.conf.py, WhiteNoise,
collected static files), on its own loopback port. Requests carry
`X-Forwarded-Proto: https`, as from the TLS-terminating load balancer.

Needs PostgreSQL at 127.0.0.1:5432 and Redis at 127.0.0.1:6379: skipped with
the reason on a machine without them, a failure in CI.
"""

import json
import os
import re
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
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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


@pytest.fixture(scope="module")
def shared_services():
    missing = [name for name, port in (("PostgreSQL", 5432), ("Redis", 6379)) if not reachable(port)]
    if missing:
        message = f"{' and '.join(missing)} not reachable on 127.0.0.1: the two-app-server test needs both."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    import psycopg

    database = f"comparesite_two_servers_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{database}"')
    key_prefix = f"two-servers-{uuid.uuid4().hex[:10]}"
    yield {"DATABASE_URL": f"{POSTGRES}/{database}", "REDIS_URL": REDIS, "CACHE_KEY_PREFIX": key_prefix}
    import redis

    client = redis.Redis.from_url(REDIS)
    for key in client.scan_iter(f"{key_prefix}:*"):
        client.delete(key)
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


@pytest.fixture(scope="module")
def deployment(shared_services, tmp_path_factory):
    environment = {
        "PATH": os.environ["PATH"],
        "DJANGO_ENV_FILE": os.devnull,
        "DJANGO_SECRET_KEY": "two-app-servers-" + uuid.uuid4().hex + uuid.uuid4().hex,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_PROXY_SSL_HEADER": "1",
        "DJANGO_DB_CONN_MAX_AGE": "60",
        "DJANGO_STATIC_ROOT": str(tmp_path_factory.mktemp("static")),
        "WEB_CONCURRENCY": "2",
        **shared_services,
    }

    def manage(*args):
        result = subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
            [sys.executable, "manage.py", *args], cwd=PROJECT, env=environment, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    manage("migrate", "--noinput")
    manage("collectstatic", "--noinput")
    manage("seed")
    password = re.search(r"password: (\S+)", manage("create_editor", "ada")).group(1)

    ports = [free_port(), free_port()]
    servers = []
    for port in ports:
        log = tmp_path_factory.mktemp("logs") / f"gunicorn-{port}.log"
        servers.append(
            subprocess.Popen(  # noqa: S603 (gunicorn from our own venv)
                [BIN / "gunicorn", "comparesite.wsgi", "--config", "comparesite/gunicorn.conf.py"],
                cwd=PROJECT,
                env={**environment, "GUNICORN_BIND": f"127.0.0.1:{port}"},
                stdout=log.open("w"),
                stderr=subprocess.STDOUT,
            )
        )
    try:
        deadline = time.monotonic() + 60
        for port in ports:
            while True:
                if reachable(port) and Browser().request(port, "GET", "/healthz")[0] == 200:
                    break
                assert time.monotonic() < deadline, f"gunicorn on port {port} did not become healthy"
                time.sleep(0.3)
        yield {"ports": ports, "editor": ("ada", password)}
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)


def test_both_app_servers_report_healthy_in_production_mode(deployment):
    for port in deployment["ports"]:
        status, headers, content = Browser().request(port, "GET", "/healthz")
        assert (status, json.loads(content)) == (200, {"status": "ok", "database": "ok", "cache": "ok"})
        assert headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_an_edit_through_one_server_is_what_the_other_serves_next(deployment):
    first, second = deployment["ports"]
    reader, editor = Browser(), Browser()
    for _ in range(2):
        status, headers, before = reader.request(second, "GET", "/frameworks/flask/")
    assert status == 200 and headers["X-Cache"] == "hit"

    # Sign in on the first server…
    editor.request(first, "GET", "/admin/login/")
    username, password = deployment["editor"]
    status, headers, _ = editor.request(
        first, "POST", "/admin/login/", form={"username": username, "password": password, "next": "/admin/"}
    )
    assert (status, headers["Location"]) == (302, "/admin/")
    # …and the session is valid on the second.
    status, _, admin_page = editor.request(second, "GET", "/admin/")
    assert status == 200 and b'id="logout-form"' in admin_page

    # Edit through the first server, with the session, as the admin's scripts or the API docs would.
    _, _, current = editor.request(first, "GET", "/api/v1/assessments/flask/forms/")
    status, _, body = editor.request(
        first,
        "PATCH",
        "/api/v1/assessments/flask/forms/",
        json_body={"summary": "Edited on server one", "version": json.loads(current)["version"]},
    )
    assert status == 200, body

    status, headers, after = reader.request(second, "GET", "/frameworks/flask/")
    assert status == 200 and headers["X-Cache"] == "miss"
    assert b"Edited on server one" in after and b"Edited on server one" not in before


def test_static_files_have_hashed_names_compressed_copies_and_long_lifetimes(deployment):
    port = deployment["ports"][0]
    _, _, home = Browser().request(port, "GET", "/")
    stylesheet = re.search(rb'href="(/static/css/site\.[0-9a-f]{12}\.css)"', home).group(1).decode()

    status, headers, _ = Browser().request(port, "GET", stylesheet, headers={"Accept-Encoding": "br, gzip"})

    assert status == 200
    assert headers["Content-Encoding"] == "br"
    assert headers["Cache-Control"] == "max-age=315360000, public, immutable"


def test_a_long_address_of_weights_reaches_the_site(deployment):
    # Readers' weights live in the query string; past gunicorn's default of 4 KB it answered 400 itself.
    weights = "&".join(f"w-unknown-criterion-{number:04d}=3" for number in range(200))

    status, _, page = Browser().request(deployment["ports"][0], "GET", f"/compare/django-vs-flask/?{weights}")

    assert len(weights) > 5000
    assert status == 400 and b"These weights name no published criterion" in page
