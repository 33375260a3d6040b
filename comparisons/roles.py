"""The Editors role: everything needed to keep the knowledge base, nothing about accounts."""

from django.contrib.auth.models import Group, Permission

EDITORS_GROUP = "Editors"
CONTENT_APP = "comparisons"


def editor_permissions():
    """Add, change, delete and view every knowledge-base model, and read the admin's history log."""
    return Permission.objects.filter(content_type__app_label=CONTENT_APP) | Permission.objects.filter(
        content_type__app_label="admin", codename="view_logentry"
    )


def sync_editors_group() -> Group:
    """Create the Editors group or bring its permissions up to date (safe to run any number of times)."""
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.set(editor_permissions())
    return group


def sync_editors_group_after_migrate(sender, **kwargs):
    # Runs after every `migrate`, once Django has created the permissions of new models.
    if sender.name == CONTENT_APP:
        sync_editors_group()
