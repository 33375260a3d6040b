"""The editorial workflow end to end, as the issue's "done when" describes it."""

import pytest
from django.core.management import call_command
from django.test import Client

from comparisons.models import Comparison

from .factories import FrameworkFactory

pytestmark = pytest.mark.django_db


def comparison_form(comparison_frameworks, version=None, **fields):
    data = {
        "title": "Bottle vs Falcon",
        "slug": "bottle-vs-falcon",
        "frameworks": [framework.pk for framework in comparison_frameworks],
        "status": "draft",
        "published_at_0": "",
        "published_at_1": "",
        "tldr": "Bottle is one file; Falcon is built for APIs.",
        "introduction": "",
        "conclusion": "",
        "points-TOTAL_FORMS": "0",
        "points-INITIAL_FORMS": "0",
        "points-MIN_NUM_FORMS": "0",
        "points-MAX_NUM_FORMS": "1000",
    }
    if version is not None:
        data["loaded_version"] = version
    data.update(fields)
    return data


def test_an_editor_drafts_previews_publishes_fixes_reverts_and_is_stopped_by_a_colleague(capsys, django_user_model):
    frameworks = [FrameworkFactory(slug="bottle", name="Bottle"), FrameworkFactory(slug="falcon", name="Falcon")]
    call_command("create_editor", "ada")
    password = capsys.readouterr().out.split("password: ")[1].split()[0]
    editor = Client()
    signed_in = editor.post("/admin/login/", {"username": "ada", "password": password, "next": "/admin/"})
    assert signed_in.status_code == 302 and signed_in["Location"] == "/admin/"

    # Draft: invisible to the public, previewed by the editor with a banner.
    assert editor.post("/admin/comparisons/comparison/add/", comparison_form(frameworks)).status_code == 302
    comparison = Comparison.objects.get(slug="bottle-vs-falcon")
    assert "Bottle is one file" not in Client().get("/compare/bottle-vs-falcon/").content.decode()
    preview = editor.get("/compare/bottle-vs-falcon/").content.decode()
    assert "Bottle is one file" in preview and 'class="draft-banner"' in preview

    # Publish from the list: the public sees it, with a publish date.
    editor.post("/admin/comparisons/comparison/", {"action": "publish_selected", "_selected_action": [comparison.pk]})
    comparison.refresh_from_db()
    assert comparison.published_at is not None
    assert "Bottle is one file" in Client().get("/compare/bottle-vs-falcon/").content.decode()

    # Fix a typo; the history shows the difference.
    change = f"/admin/comparisons/comparison/{comparison.pk}/change/"
    fixed = comparison_form(
        frameworks, comparison.version, status="published", tldr="Bottle is a single file; Falcon is built for APIs."
    )
    fixed.update(published_at_0=comparison.published_at.strftime("%Y-%m-%d"), published_at_1="12:00:00")
    assert editor.post(change, fixed).status_code == 302
    history = editor.get(f"{change.removesuffix('change/')}history/").content.decode()
    assert "Changed TL;DR" in history
    assert "Bottle is a single file" in history

    # Revert to the version before the fix.
    comparison.refresh_from_db()
    before_fix = comparison.history.filter(tldr__startswith="Bottle is one file").first()
    revert_url = f"{change.removesuffix('change/')}history/{before_fix.history_id}/"
    form = editor.get(revert_url).context["adminform"].form
    reverted = comparison_form(frameworks, form["loaded_version"].value(), status="published")
    reverted.update(published_at_0=comparison.published_at.strftime("%Y-%m-%d"), published_at_1="12:00:00")
    assert editor.post(revert_url, reverted).status_code == 302
    comparison.refresh_from_db()
    assert comparison.tldr == "Bottle is one file; Falcon is built for APIs."

    # A colleague saves first; the editor's save from the older version is refused, nothing lost.
    colleague = django_user_model.objects.create_user("grace", is_staff=True)
    colleague.groups.add(*django_user_model.objects.get(username="ada").groups.all())
    other = Client()
    other.force_login(colleague)
    opened_at = comparison.version
    theirs = comparison_form(frameworks, opened_at, status="published", title="Bottle vs Falcon, compared")
    theirs.update(published_at_0=comparison.published_at.strftime("%Y-%m-%d"), published_at_1="12:00:00")
    assert other.post(change, theirs).status_code == 302
    mine = comparison_form(frameworks, opened_at, status="published", conclusion="My conclusion")
    mine.update(published_at_0=comparison.published_at.strftime("%Y-%m-%d"), published_at_1="12:00:00")
    response = editor.post(change, mine)
    assert response.status_code == 200
    assert "was saved by someone else after you opened it" in response.content.decode()
    comparison.refresh_from_db()
    assert (comparison.title, comparison.conclusion) == ("Bottle vs Falcon, compared", "")
