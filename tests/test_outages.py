"""When a dependency is down, the site keeps the promises its README makes.

Each case runs the real deployment (gunicorn in production mode, as `make
serve` starts it) with one dependency pointed at a loopback port where nothing
listens:

- Redis down: readers get uncached pages, the API answers reads and an
  editor's writes, and readers can still report problems. Rate limits that
  cannot count let requests through; /healthz names the cache.
- PostgreSQL down: pages answer 503 "temporarily unavailable" with
  Retry-After (JSON for the API), never a 500; /healthz names the database.

Needs PostgreSQL and Redis on loopback for the rest of the deployment:
skipped with the reason on a machine without them, a failure in CI.
"""

import json
import re

import pytest

from tests.servers import REDIS, Browser, free_port, fresh_database, gunicorn, manage, production_environment, require

UNREACHABLE = f"127.0.0.1:{free_port()}"


@pytest.fixture(scope="module")
def redis_down(tmp_path_factory):
    require("PostgreSQL")
    with fresh_database("redis_down") as database_url:
        environment = production_environment(
            tmp_path_factory.mktemp("static"), DATABASE_URL=database_url, REDIS_URL=f"redis://{UNREACHABLE}/0"
        )
        manage(environment, "migrate", "--noinput")
        manage(environment, "collectstatic", "--noinput")
        manage(environment, "loaddata", "flask-vs-django")
        manage(environment, "create_editor", "ada")
        token = manage(environment, "drf_create_token", "ada").split()[2]
        with gunicorn(environment, tmp_path_factory.mktemp("logs") / "gunicorn.log", ready_status=503) as port:
            yield {"port": port, "token": token}


@pytest.fixture(scope="module")
def database_down(tmp_path_factory):
    require("Redis")
    environment = production_environment(
        tmp_path_factory.mktemp("static"),
        DATABASE_URL=f"postgres://postgres@{UNREACHABLE}/comparesite",
        REDIS_URL=REDIS,
    )
    manage(environment, "collectstatic", "--noinput")
    with gunicorn(environment, tmp_path_factory.mktemp("logs") / "gunicorn.log", ready_status=503) as port:
        yield port


def test_with_redis_down_healthz_names_the_cache(redis_down):
    status, _, body = Browser().request(redis_down["port"], "GET", "/healthz")

    assert (status, json.loads(body)) == (503, {"status": "failing", "database": "ok", "cache": "failing"})


def test_with_redis_down_readers_get_pages_and_the_api(redis_down):
    reader = Browser()
    for path in [
        "/",
        "/frameworks/flask/",
        "/compare/django-vs-flask/",
        "/api/v1/frameworks/",
        "/api/v1/compare/?frameworks=flask,django",
    ]:
        status, _, _ = reader.request(redis_down["port"], "GET", path)
        assert status == 200, path


def test_with_redis_down_an_editor_still_writes_through_the_api(redis_down):
    editor = Browser()
    auth = {"Authorization": f"Token {redis_down['token']}"}
    _, _, current = editor.request(redis_down["port"], "GET", "/api/v1/assessments/flask/forms/", headers=auth)

    status, _, body = editor.request(
        redis_down["port"],
        "PATCH",
        "/api/v1/assessments/flask/forms/",
        json_body={"summary": "Written while the cache is down", "version": json.loads(current)["version"]},
        headers=auth,
    )

    assert status == 200, body
    _, _, page = Browser().request(redis_down["port"], "GET", "/frameworks/flask/")
    assert b"Written while the cache is down" in page


def test_with_redis_down_a_reader_still_reports_a_problem(redis_down):
    reader = Browser()
    path = "/frameworks/flask/forms/report/"
    status, _, form = reader.request(redis_down["port"], "GET", path)
    assert status == 200 and b"csrfmiddlewaretoken" in form
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1).decode()

    status, _, page = reader.request(
        redis_down["port"], "POST", path, form={"csrfmiddlewaretoken": token, "message": "The link moved."}
    )

    assert status == 200 and b"Thank you" in page


@pytest.mark.parametrize("path", ["/", "/frameworks/flask/", "/compare/django-vs-flask/"])
def test_with_the_database_down_pages_say_the_site_is_temporarily_unavailable(database_down, path):
    status, headers, page = Browser().request(database_down, "GET", path)

    assert status == 503
    assert headers["Retry-After"] == "30"
    assert b"Temporarily unavailable" in page
    assert "no-store" in headers["Cache-Control"]


def test_with_the_database_down_the_api_answers_503_in_json(database_down):
    status, headers, body = Browser().request(database_down, "GET", "/api/v1/frameworks/")

    assert status == 503 and headers["Retry-After"] == "30"
    assert json.loads(body) == {"detail": "The database is unavailable; try again shortly."}


def test_with_the_database_down_healthz_names_the_database(database_down):
    status, _, body = Browser().request(database_down, "GET", "/healthz")

    assert status == 503
    assert json.loads(body)["database"] == "failing"
