"""Who may do what, beyond Django's per-model permissions."""

from django.contrib.auth.mixins import UserPassesTestMixin
from django.urls import reverse_lazy

from .roles import CONTENT_APP


def can_edit_content(user) -> bool:
    """Staff who may add or change some knowledge-base content (editors and superusers)."""
    if not (user.is_active and user.is_staff):
        return False
    prefixes = (f"{CONTENT_APP}.add_", f"{CONTENT_APP}.change_")
    return any(permission.startswith(prefixes) for permission in user.get_all_permissions())


class ContentEditorRequiredMixin(UserPassesTestMixin):
    """Anonymous visitors are sent to the admin login; signed-in users without the right get 403."""

    login_url = reverse_lazy("admin:login")

    def test_func(self):
        return can_edit_content(self.request.user)
