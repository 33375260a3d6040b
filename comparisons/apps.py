from django.apps import AppConfig


class ComparisonsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "comparisons"
    verbose_name = "Knowledge base"

    def ready(self):
        from . import signals  # noqa: F401 (connects the receivers)
