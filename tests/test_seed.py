"""The seed content and the commands `make run` relies on."""

import json
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.core.serializers import serialize

from comparisons.choices import ComparisonStatus
from comparisons.models import Assessment, Comparison, Criterion, Framework

pytestmark = pytest.mark.django_db


def snapshot():
    """Every row of every content model, serialized, to compare databases exactly."""
    return {
        model.__name__: serialize("json", model.objects.order_by("pk"))
        for model in apps.get_app_config("comparisons").get_models()
    }


def test_seed_fixture_holds_flask_and_django_on_five_criteria(seeded):
    assert set(Framework.objects.published().values_list("slug", flat=True)) == {"django", "flask"}
    assert set(Criterion.objects.published().values_list("slug", flat=True)) == {
        "request-object",
        "forms",
        "database-layer",
        "authentication-and-permissions",
        "admin-site",
    }
    assert Assessment.objects.count() == 10


def test_seed_matrix_is_complete_and_every_cell_cites_a_source(seeded):
    for framework in Framework.objects.all():
        for criterion in Criterion.objects.all():
            assessment = Assessment.objects.get(framework=framework, criterion=criterion)
            assert assessment.summary
            assert assessment.sources.exists(), assessment


def test_seed_comparison_is_published_with_a_point_per_criterion(seeded):
    comparison = Comparison.objects.get(slug="flask-vs-django")

    assert comparison.status == ComparisonStatus.PUBLISHED
    assert comparison.tldr_html.startswith("<p>")
    assert set(comparison.frameworks.values_list("slug", flat=True)) == {"django", "flask"}
    assert set(comparison.points.values_list("criterion__slug", flat=True)) == set(
        Criterion.objects.values_list("slug", flat=True)
    )


def test_seed_markdown_is_rendered_on_load(seeded):
    django = Framework.objects.get(slug="django")

    assert "<code>manage.py</code>" in django.description_html


def test_loading_the_seed_fixture_twice_changes_nothing(seeded):
    before = snapshot()

    call_command("loaddata", "flask-vs-django", verbosity=0)

    assert snapshot() == before


def test_seed_command_fills_an_empty_database():
    call_command("seed", verbosity=0)

    dataset = json.loads(Path(settings.SEED_DATASETS[0]).read_text())
    assert set(Framework.objects.values_list("slug", flat=True)) == {f["slug"] for f in dataset["frameworks"]}
    assert Comparison.objects.published().count() == len(dataset["comparisons"])


def test_seed_command_leaves_local_edits_alone(seeded):
    Framework.objects.filter(slug="flask").update(summary="Edited locally")

    call_command("seed", verbosity=0)

    assert Framework.objects.get(slug="flask").summary == "Edited locally"


def test_ensure_local_admin_creates_one_superuser_and_keeps_its_password(settings, capsys):
    settings.DEBUG = True

    call_command("ensure_local_admin")
    printed = capsys.readouterr().out
    password = printed.split("password: ")[1].split()[0]
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password(password)

    call_command("ensure_local_admin")

    assert "password unchanged" in capsys.readouterr().out
    admin.refresh_from_db()
    assert admin.check_password(password)


def test_ensure_local_admin_refuses_to_run_in_production(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError):
        call_command("ensure_local_admin")

    assert not get_user_model().objects.exists()
