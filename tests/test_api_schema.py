"""The OpenAPI schema tells the truth: generated requests of every shape get documented answers.

Schemathesis reads /api/schema/ from the app in-process (no server) and, for
every operation, sends generated requests — valid and invalid — as an
anonymous client against Flask and Django (the `flask_and_django` fixture),
checking that none is a 5xx and that every status code, content type and body
matches what the schema documents.
"""

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from comparesite.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)


@pytest.fixture
def flask_and_django_in_process(flask_and_django):
    """Flask and Django, served by the WSGI app called in-process."""
    # Requests go straight into the WSGI app, so keep Django from closing the test's
    # database connection at the end of each one (its test client does the same).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_no_request_gets_a_server_error_or_an_undocumented_answer(case, flask_and_django_in_process):
    response = case.call()

    # A well-formed slug that names nothing is rightly a 400, so "schema-valid data is
    # accepted" cannot hold for slug parameters; every other check applies.
    case.validate_response(response, excluded_checks=[positive_data_acceptance])


def test_the_schema_validates_without_warnings():
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")
