"""The Editors role: editors keep the content and cannot touch accounts."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from .factories import AssessmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def group_editor(django_user_model):
    call_command("create_editor", "ada", email="ada@example.org")
    return django_user_model.objects.get(username="ada")


def test_migrate_creates_the_editors_group_with_content_permissions_only():
    permissions = set(Group.objects.get(name="Editors").permissions.values_list("content_type__app_label", "codename"))

    assert ("comparisons", "change_assessment") in permissions
    assert ("comparisons", "delete_comparison") in permissions
    assert ("admin", "view_logentry") in permissions
    assert {app for app, _ in permissions} == {"comparisons", "admin"}


def test_create_editor_makes_a_staff_account_in_the_group_and_prints_its_password_once(capsys, django_user_model):
    call_command("create_editor", "grace")

    printed = capsys.readouterr().out
    user = django_user_model.objects.get(username="grace")
    assert user.is_staff and not user.is_superuser
    assert user.groups.filter(name="Editors").exists()
    assert user.check_password(printed.split("password: ")[1].split()[0])

    call_command("create_editor", "grace")
    assert "password unchanged" in capsys.readouterr().out


def test_create_editor_refuses_a_malformed_email():
    with pytest.raises(CommandError):
        call_command("create_editor", "bob", email="not-an-email")


def test_an_editor_can_edit_content_in_the_admin(client, group_editor):
    client.force_login(group_editor)
    assessment = AssessmentFactory()

    assert client.get("/admin/comparisons/assessment/").status_code == 200
    assert client.get(f"/admin/comparisons/assessment/{assessment.pk}/change/").status_code == 200
    assert client.get(f"/admin/comparisons/assessment/{assessment.pk}/history/").status_code == 200
    assert client.post("/markdownx/markdownify/", {"content": "**ok**"}).status_code == 200


@pytest.mark.parametrize(
    "url", ["/admin/auth/user/", "/admin/auth/user/add/", "/admin/auth/group/", "/admin/authtoken/tokenproxy/"]
)
def test_an_editor_cannot_reach_user_management(client, group_editor, url):
    client.force_login(group_editor)

    assert client.get(url).status_code == 403


def test_the_admin_index_shows_an_editor_content_only(client, group_editor):
    client.force_login(group_editor)

    page = client.get("/admin/").content.decode()

    assert "Assessments" in page
    assert "Users" not in page
