"""`manage.py rerender_markdown`: stored HTML follows the renderer again, and nothing else changes."""

import io

import pytest
from django.core.management import call_command

from comparisons.markdown import render_markdown
from comparisons.models import Assessment, Comparison, Framework

from .factories import AssessmentFactory, ComparisonFactory


@pytest.mark.django_db
def test_stored_html_from_an_older_renderer_is_rendered_again_without_a_new_version_or_history():
    assessment = AssessmentFactory(details="# Setup\n\nUse **this**.")
    comparison = ComparisonFactory(tldr="Both *work*.")
    # As an older renderer left them.
    Assessment.objects.filter(pk=assessment.pk).update(details_html="<p>old</p>")
    Comparison.objects.filter(pk=comparison.pk).update(tldr_html="<p>old</p>")
    records = assessment.history.count()
    output = io.StringIO()

    call_command("rerender_markdown", stdout=output)

    assessment.refresh_from_db()
    assert assessment.details_html == render_markdown(
        assessment.details, id_prefix=f"md-{assessment.framework.slug}-{assessment.criterion.slug}-details-"
    )
    assert "<strong>this</strong>" in assessment.details_html
    assert Comparison.objects.get(pk=comparison.pk).tldr_html == "<p>Both <em>work</em>.</p>"
    assert assessment.version == 1 and assessment.history.count() == records
    assert "assessments: 1 rendered anew" in output.getvalue()


@pytest.mark.django_db
def test_rows_already_rendered_are_left_alone():
    AssessmentFactory()
    output = io.StringIO()

    call_command("rerender_markdown", stdout=output)

    assert "assessments: 0 rendered anew" in output.getvalue()
    assert Framework.objects.get().version == 1


@pytest.mark.django_db
def test_sources_stored_with_crlf_line_endings_are_stored_with_lf():
    assessment = AssessmentFactory()
    Assessment.objects.filter(pk=assessment.pk).update(details="One\r\n\r\nTwo")

    call_command("rerender_markdown", stdout=io.StringIO())

    assert Assessment.objects.get(pk=assessment.pk).details == "One\n\nTwo"
