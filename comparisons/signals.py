"""Keep derived fields in step with what they derive from, on every write path.

Connected in ComparisonsConfig.ready(). The derived-field handlers also run for fixtures.
"""

import threading
from collections import defaultdict

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from simple_history.signals import pre_create_historical_record

from . import services
from .caching import content_changed
from .models import (
    UNCHANGED_REASON,
    Assessment,
    CodeExample,
    Comparison,
    Framework,
    ProblemReport,
    Release,
    RendersMarkdown,
    SupportStatement,
    framework_set_key,
)
from .roles import CONTENT_APP


@receiver(pre_save)
def render_markdown_before_save(sender, instance, raw=False, **kwargs):
    # pre_save fires for raw (fixture) saves too, so loaddata renders as well.
    if isinstance(instance, RendersMarkdown):
        instance.render_markdown_fields()


@receiver(pre_save, sender=CodeExample)
def highlight_code_before_save(sender, instance, **kwargs):
    # For fixtures too, like Markdown: the HTML is derived from the code.
    instance.render_code()


@receiver(pre_save, sender=Assessment)
def current_level_follows_statements(sender, instance, raw=False, **kwargs):
    """On every save (admin, API, revert, restore), the level is the one the statements give.

    `pending_statements` are statements about to replace the stored ones (services.save_assessment).
    """
    if raw:
        return
    statements = getattr(instance, "pending_statements", None)
    if statements is None:
        if instance.pk is None:
            return
        statements = list(SupportStatement.objects.filter(assessment_id=instance.pk).select_related("since", "until"))
    current = services.current_of(instance.framework_id, statements)
    if current is None:
        instance.since_version = ""
    else:
        instance.support_level, instance.since_version = current


# Frameworks whose deletion is under way in this thread: their releases go with them, unrenumbered.
_deleting = threading.local()


@receiver(pre_delete, sender=Framework)
def framework_deletion_started(sender, instance, **kwargs):
    _deleting.__dict__.setdefault("frameworks", set()).add(instance.pk)


@receiver(post_delete, sender=Framework)
def framework_deletion_ended(sender, instance, **kwargs):
    _deleting.__dict__.setdefault("frameworks", set()).discard(instance.pk)


@receiver(post_save, sender=Release)
@receiver(post_delete, sender=Release)
def releases_changed(sender, instance, raw=False, **kwargs):
    # Imports and `sync_releases` write releases in bulk (no signals) and call the service once.
    if not raw and instance.framework_id not in _deleting.__dict__.get("frameworks", ()):
        services.refresh_releases([instance.framework_id])


@receiver(post_save, sender=SupportStatement)
@receiver(post_delete, sender=SupportStatement)
def statements_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        services.refresh_current_levels(Assessment.objects.filter(pk=instance.assessment_id))


def refresh_framework_sets(comparison_ids) -> None:
    comparison_ids = set(comparison_ids)
    if not comparison_ids:
        return
    frameworks_of = defaultdict(list)
    links = Comparison.frameworks.through.objects.filter(comparison_id__in=comparison_ids)
    for comparison_id, framework_id in links.values_list("comparison_id", "framework_id"):
        frameworks_of[comparison_id].append(framework_id)
    for comparison_id in comparison_ids:
        key = framework_set_key(frameworks_of[comparison_id])
        Comparison.objects.filter(pk=comparison_id).update(framework_set=key)


@receiver(pre_save, sender=Comparison)
def framework_set_survives_saves(sender, instance, **kwargs):
    # A save (a fixture's raw save included) must not blank the key: it is
    # derived from the stored links, which only m2m changes alter.
    if instance.pk is not None:
        links = Comparison.frameworks.through.objects.filter(comparison_id=instance.pk)
        instance.framework_set = framework_set_key(links.values_list("framework_id", flat=True))


@receiver(m2m_changed, sender=Comparison.frameworks.through)
def framework_set_follows_frameworks(sender, instance, action, reverse, pk_set, **kwargs):
    if reverse and action == "pre_clear":
        instance.comparisons_before_clear = list(instance.comparisons.values_list("pk", flat=True))
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:
        refresh_framework_sets([instance.pk])
        instance.framework_set = Comparison.objects.values_list("framework_set", flat=True).get(pk=instance.pk)
    elif action == "post_clear":
        refresh_framework_sets(instance.comparisons_before_clear)
    else:
        refresh_framework_sets(pk_set)


@receiver(pre_delete, sender=Framework)
def remember_comparisons_of_deleted_framework(sender, instance, **kwargs):
    instance.comparisons_before_delete = list(instance.comparisons.values_list("pk", flat=True))


@receiver(post_delete, sender=Framework)
def framework_set_forgets_deleted_framework(sender, instance, **kwargs):
    refresh_framework_sets(getattr(instance, "comparisons_before_delete", []))


# Fields whose changes are not worth naming: bookkeeping, or derived from other fields.
UNNAMED_FIELDS = {"created_at", "updated_at", "framework_set", "version"}


@receiver(pre_create_historical_record)
def name_the_changed_fields(sender, instance, history_instance, **kwargs):
    """Every history record says in words what changed, for the admin and the public changelog.

    The changed fields come from simple-history's `diff_against` the previous
    record; many-to-many links (extensions, tags, a comparison's frameworks) are
    compared with the links that record kept, and a write path may name other
    links it replaced in `links_changed` (an assessment's sources).
    """
    if history_instance.history_change_reason:
        return
    if history_instance.history_type == "+":
        reason = "Added"
    elif history_instance.history_type == "-":
        reason = "Deleted"
    else:
        previous = sender.objects.filter(id=instance.pk).order_by("-history_date", "-history_id").first()
        if previous is None:
            reason = "Changed (first recorded version)"
        else:
            links = instance._meta.many_to_many
            delta = history_instance.diff_against(previous, excluded_fields=UNNAMED_FIELDS | {f.name for f in links})
            changed = set(delta.changed_fields)
            names = [str(field.verbose_name) for field in instance._meta.concrete_fields if field.name in changed]
            names += [str(field.verbose_name) for field in links if _links_differ(field, instance, previous)]
            names += sorted(getattr(instance, "links_changed", ()))
            reason = f"Changed {', '.join(names)}" if names else UNCHANGED_REASON
    history_instance.history_change_reason = reason if len(reason) <= 100 else reason[:99] + "…"


def _links_differ(field, instance, previous) -> bool:
    """Whether the row's many-to-many links (`field`) differ from those its previous history record kept."""
    kept = getattr(previous, field.name, None)  # the record's copy of the links, where history tracks them
    if kept is None:
        return False
    before = set(kept.values_list(field.m2m_reverse_field_name(), flat=True))
    return before != set(getattr(instance, field.name).values_list("pk", flat=True))


def is_public_content(model) -> bool:
    """Rows readers may see: every model of the knowledge base and its history, but not readers' reports."""
    return model._meta.app_label == CONTENT_APP and model is not ProblemReport


@receiver(post_save)
@receiver(post_delete)
def row_changed_invalidates_reader_cache(sender, instance, **kwargs):
    if is_public_content(sender):
        content_changed()


@receiver(m2m_changed)
def links_changed_invalidate_reader_cache(sender, instance, action, **kwargs):
    if action.startswith("post_") and is_public_content(type(instance)):
        content_changed()
