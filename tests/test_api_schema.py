"""The OpenAPI schema tells the truth: generated requests of every shape get documented answers.

Schemathesis reads /api/schema/ from the app in-process (no server) and, for
every operation, sends generated requests — valid and invalid — as an
anonymous client and as an editor with a token (whose writes really happen)
against Flask and Django (the `flask_and_django` fixture), checking that none
is a 5xx, that every status code, content type and body matches what the
schema documents, that schema-violating requests are refused (ST201) and that
schema-valid ones are accepted (ST202) unless they only name rows that do not
exist.
"""

import re

import pytest
import schemathesis
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.specs.openapi.checks import positive_data_acceptance

from comparesite.wsgi import application
from comparisons.models import FRAMEWORK_SLUG_PATTERN, Framework

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


# What a schema cannot say: that a slug names a published row (or a new one no row has yet),
# that a language is one Pygments knows, that a compare names two to six frameworks, that two
# sources differ in URL. A 400 that says only such things answers schema-valid data rightly.
BEYOND_THE_SCHEMA = (
    "already exists",
    "may appear only once",
    "is not a language Pygments knows",
    "is not one of the available choices",
    "does not exist",
    "Not a published framework",
    "is not a published framework at a release",
    "Not a published criterion",
    "No published criterion has the slug or name",
    "Not a criterion group with published criteria",
    "Choose at least two frameworks",
    "Compare at most",
)


def says_only_what_a_schema_cannot(response) -> bool:
    if response.status_code != 400:
        return False
    messages = [message for field in response.json().get("errors", {}).values() for message in field]
    return bool(messages) and all(any(phrase in message for phrase in BEYOND_THE_SCHEMA) for message in messages)


@pytest.fixture
def editor_token(editor):
    return Token.objects.create(user=editor).key


@pytest.mark.parametrize("who", ["anonymous", "editor"])
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_no_request_gets_a_server_error_or_an_undocumented_answer(case, who, flask_and_django_in_process, request):
    headers = {"Authorization": f"Token {request.getfixturevalue('editor_token')}"} if who == "editor" else {}

    response = case.call(headers=headers)

    case.validate_response(response, headers=headers, excluded_checks=[positive_data_acceptance])
    if not says_only_what_a_schema_cannot(response):
        case.validate_response(response, headers=headers, checks=[positive_data_acceptance])


def test_the_schema_validates_without_warnings():
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")


@pytest.mark.parametrize(
    "slug", ["flask", "vs", "a-vs", "vs-b", "a-vs-b", "vsa", "avs", "a-vsb", "canvas-vs2", "Flask", "a--b"]
)
def test_the_api_schema_and_the_models_agree_on_what_a_framework_slug_is(slug):
    allowed_by_models = True
    try:
        for validator in Framework._meta.get_field("slug").validators:
            validator(slug)
    except ValidationError:
        allowed_by_models = False

    assert bool(re.fullmatch(FRAMEWORK_SLUG_PATTERN, slug)) == allowed_by_models
