from django.apps import AppConfig


class ComparisonsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "comparisons"
    verbose_name = "Knowledge base"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401 (connects the receivers)
        from .caching import new_release_after_migrate
        from .roles import sync_editors_group_after_migrate

        post_migrate.connect(sync_editors_group_after_migrate, sender=self)
        post_migrate.connect(new_release_after_migrate, sender=self)
