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

import contextlib
import json
import re
import uuid

import pytest

from tests.servers import REDIS, Browser, fresh_database, gunicorn, manage, production_environment, require


@pytest.fixture(scope="module")
def shared_services():
    require("PostgreSQL", "Redis")
    key_prefix = f"two-servers-{uuid.uuid4().hex[:10]}"
    with fresh_database("two_servers") as database_url:
        yield {"DATABASE_URL": database_url, "REDIS_URL": REDIS, "CACHE_KEY_PREFIX": key_prefix}
    import redis

    client = redis.Redis.from_url(REDIS)
    for key in client.scan_iter(f"{key_prefix}:*"):
        client.delete(key)


@pytest.fixture(scope="module")
def deployment(shared_services, tmp_path_factory):
    environment = production_environment(tmp_path_factory.mktemp("static"), **shared_services)
    manage(environment, "migrate", "--noinput")
    manage(environment, "collectstatic", "--noinput")
    manage(environment, "seed")
    password = re.search(r"password: (\S+)", manage(environment, "create_editor", "ada")).group(1)

    logs = tmp_path_factory.mktemp("logs")
    with contextlib.ExitStack() as servers:
        ports = [servers.enter_context(gunicorn(environment, logs / f"gunicorn-{number}.log")) for number in (1, 2)]
        yield {"ports": ports, "editor": ("ada", password)}


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
