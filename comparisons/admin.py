"""The editors' workspace: the whole matrix can be kept here without leaving the admin.

One module, as Django lays it out: a ModelAdmin per content model with the
forms and views they share (versioned forms, history, the review queue,
coverage, restore, evidence and its disagreements); some 660 lines, most of them declarations.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from markdownx.models import MarkdownxField
from markdownx.widgets import AdminMarkdownxWidget
from simple_history.admin import SimpleHistoryAdmin

from . import selectors, services
from .choices import ComparisonStatus, DisagreementStatus, ReportStatus
from .evidence import checks as evidence_checks
from .markdown import MarkdownFormField
from .models import (
    MAX_SOURCES,
    Assessment,
    CodeExample,
    Comparison,
    ComparisonPoint,
    Criterion,
    CriterionGroup,
    DataCredit,
    Disagreement,
    Evidence,
    Extension,
    Framework,
    ProblemReport,
    Release,
    Source,
    SupportStatement,
    Tag,
)

admin.site.site_header = "comparesite editors"
admin.site.site_title = "comparesite admin"
admin.site.index_title = "Knowledge base"


class VersionedAdminForm(forms.ModelForm):
    """Carries the version of the row the editor opened, so a colleague's later save is never overwritten."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.versioned = hasattr(type(self.instance), "current_version")
        if self.versioned and self.instance.pk is not None:
            # The stored version, not the instance's: a revert form shows an old version's values.
            self.fields["loaded_version"].initial = type(self.instance).current_version(self.instance.pk)

    def clean(self):
        cleaned_data = super().clean()
        if not self.versioned or self.instance.pk is None:
            return cleaned_data
        loaded = cleaned_data.get("loaded_version")
        current = type(self.instance).current_version(self.instance.pk)
        if loaded is None or loaded != current:
            raise forms.ValidationError(self.conflict_message(loaded), code="stale_version")
        self.instance.version = current
        return cleaned_data

    def conflict_message(self, loaded):
        newer = self.instance.history.filter(version__gt=loaded or 0).order_by("history_date")
        changes = "; ".join(
            f"{record.history_user or 'someone'} at {record.history_date:%H:%M}: {record.history_change_reason}"
            for record in newer
        )
        return (
            f"{self.instance} was saved by someone else after you opened it ({changes or 'details unknown'}). "
            "Your changes were not saved: open it again to see the current version, then reapply them."
        )


class ContentAdminMixin:
    """Shared by every content screen: versioned forms (no lost updates), Markdown fields
    with django-markdownx's live preview, and URLs typed without a scheme taken as https."""

    form = VersionedAdminForm

    def get_fieldsets(self, request, obj=None):
        # Screens that list their fields must still carry the hidden version, or every save looks stale.
        fieldsets = super().get_fieldsets(request, obj)
        if "loaded_version" in flatten_fieldsets(fieldsets):
            return fieldsets
        (name, options), *rest = fieldsets
        return [(name, {**options, "fields": [*options["fields"], "loaded_version"]}), *rest]

    formfield_overrides = {
        MarkdownxField: {"widget": AdminMarkdownxWidget, "form_class": MarkdownFormField},
        models.URLField: {"assume_scheme": "https"},
    }

    def save_model(self, request, obj, form, change):
        # Saving an untouched form would record an empty change in the content's history.
        if not change or form.has_changed():
            super().save_model(request, obj, form, change)


class NullSafeChangelistMixin:
    """A changelist filter with a NUL in it is refused like any other bad lookup (a redirect to `?e=1`).

    Django hands a choice filter's value to the query as it came, and PostgreSQL
    refuses text with a NUL in it: that was a server error.
    """

    def get_changelist_instance(self, request):
        if any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()):
            raise IncorrectLookupParameters
        return super().get_changelist_instance(request)


class ContentAdmin(NullSafeChangelistMixin, ContentAdminMixin, SimpleHistoryAdmin):
    """A content screen with its history (django-simple-history): list, compare, revert."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history looks the version up as given: "abc" for an id was a server error, not a 404.
        if not all(part.isascii() and part.isdigit() for part in (unquote(object_id), str(version_id))):
            raise Http404("No such version.")
        return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(Tag)
class TagAdmin(ContentAdmin):
    list_display = ["name", "slug", "framework_count"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(framework_count=Count("frameworks"))

    @admin.display(description="frameworks", ordering="framework_count")
    def framework_count(self, tag):
        return tag.framework_count


@admin.register(CriterionGroup)
class CriterionGroupAdmin(ContentAdmin):
    list_display = ["name", "position", "criterion_count"]
    list_editable = ["position"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(criterion_count=Count("criteria"))

    @admin.display(description="criteria", ordering="criterion_count")
    def criterion_count(self, group):
        return group.criterion_count


@admin.register(Extension)
class ExtensionAdmin(ContentAdmin):
    list_display = ["name", "url", "summary"]
    search_fields = ["name", "slug", "summary"]
    prepopulated_fields = {"slug": ["name"]}


class AssessmentInline(ContentAdminMixin, admin.TabularInline):
    model = Assessment
    fields = ["criterion", "support_level", "summary", "details", "extensions", "last_reviewed"]
    autocomplete_fields = ["criterion", "extensions"]
    extra = 0
    show_change_link = True


@admin.register(Framework)
class FrameworkAdmin(ContentAdmin):
    change_list_template = "admin/comparisons/framework/change_list.html"

    list_display = ["name", "language", "license", "latest_version", "is_published", "updated_at"]
    list_filter = ["is_published", "language", "license", "tags"]
    search_fields = ["name", "slug", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["tags"]
    readonly_fields = ["created_at", "updated_at", "latest_version", "releases_link"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "summary", "description", "tags", "is_published"]}),
        (
            "Facts",
            {"fields": ["language", "license", "first_release_year", "packages", "latest_version", "releases_link"]},
        ),
        ("Links", {"fields": ["website_url", "repository_url", "documentation_url"]}),
        ("Record", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]
    inlines = [AssessmentInline]

    @admin.display(description="releases")
    def releases_link(self, framework):
        if framework.pk is None:
            return "—"
        url = reverse("admin:comparisons_release_changelist") + f"?framework__id__exact={framework.pk}"
        count = framework.releases.count()
        return format_html('<a href="{}">{} release(s)</a>: filled by <code>manage.py sync_releases</code>', url, count)

    def get_urls(self):
        coverage = path("coverage/", self.admin_site.admin_view(self.coverage_view), name="comparisons_coverage")
        return [coverage, *super().get_urls()]

    def coverage_view(self, request):
        """The editors' dashboard: how complete, sourced and fresh each framework's row is."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        rows = selectors.coverage_by_framework()
        evidence = {row.framework.pk: row for row in evidence_checks.coverage(Framework.objects.all())}
        disagreements = dict(
            Disagreement.objects.filter(status=DisagreementStatus.OPEN)
            .values_list("assessment__framework")
            .annotate(count=Count("pk"))
        )
        for row in rows:
            row.evidence, row.open_disagreements = evidence[row.framework.pk], disagreements.get(row.framework.pk, 0)
        context = {
            **self.admin_site.each_context(request),
            "title": "Coverage of the matrix",
            "opts": self.model._meta,
            "rows": rows,
            "stale_after_days": settings.ASSESSMENT_STALE_AFTER_DAYS,
        }
        return TemplateResponse(request, "admin/comparisons/coverage.html", context)


@admin.register(Criterion)
class CriterionAdmin(ContentAdmin):
    list_display = ["name", "group", "position", "is_published", "updated_at"]
    list_filter = ["is_published", "group"]
    list_select_related = ["group"]
    search_fields = ["name", "slug", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["group"]
    readonly_fields = ["created_at", "updated_at"]


class SourceInline(ContentAdminMixin, admin.TabularInline):
    model = Source
    fields = ["title", "url", "position"]
    extra = 1
    max_num = MAX_SOURCES

    def get_formset(self, request, obj=None, **kwargs):
        # Refuse more than max_num sources on save, not only offer fewer rows.
        return super().get_formset(request, obj, validate_max=True, **kwargs)


class StatementFormSet(forms.BaseInlineFormSet):
    """A cell's statements are checked together: ranges that end after they start, and never overlap."""

    def clean(self):
        super().clean()
        ranges = []
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            since, until = form.cleaned_data.get("since"), form.cleaned_data.get("until")
            for release in (since, until):
                if release is not None and release.framework_id != self.instance.framework_id:
                    raise forms.ValidationError(f"{release} is not a release of {self.instance.framework}.")
            ranges.append((since.version if since else None, until.version if until else None))
        problems = services.statement_range_problems(ranges)
        if problems:
            raise forms.ValidationError(problems)


class ReleaseChoicesMixin:
    """Release fields offer the releases of the assessment's framework, newest first."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Release:
            framework_id = getattr(request, "assessment_framework_id", None)
            releases = Release.objects.select_related("framework").order_by("-ordinal")
            kwargs["queryset"] = releases.filter(framework_id=framework_id) if framework_id else releases.none()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class SupportStatementInline(ReleaseChoicesMixin, admin.TabularInline):
    model = SupportStatement
    formset = StatementFormSet
    fields = ["support_level", "since", "until", "note"]
    extra = 0
    verbose_name_plural = "support over releases (the one covering the newest release sets the current level)"


class CodeExampleInline(ReleaseChoicesMixin, admin.StackedInline):
    model = CodeExample
    fields = ["title", "language", "release", "requirements", "code", "output", "position", "highlighted"]
    readonly_fields = ["highlighted"]
    extra = 0

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "code":
            # static/js/admin-markdown-inlines.js previews it, highlighted, as the editor types.
            attrs = {"rows": 14, "class": "code-input", "data-preview-url": reverse("markdownx_markdownify")}
            kwargs["widget"] = forms.Textarea(attrs=attrs)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description="preview (as saved)")
    def highlighted(self, example):
        if not example.code_html:
            return "—"
        # code_html is Pygments' output passed through the one sanitizer (markdown.highlight_code).
        return format_html('<div class="code-preview">{}</div>', mark_safe(example.code_html))  # noqa: S308


class ReviewFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("stale", "Needs review"), ("fresh", "Reviewed recently")]

    def queryset(self, request, queryset):
        if self.value() == "stale":
            return queryset.stale()
        if self.value() == "fresh":
            return queryset.exclude(pk__in=queryset.stale().values("pk"))
        return queryset


@admin.register(Assessment)
class AssessmentAdmin(ContentAdmin):
    change_list_template = "admin/comparisons/assessment/change_list.html"
    list_display = ["__str__", "support_level", "summary", "last_reviewed", "updated_at"]
    list_filter = [ReviewFilter, "support_level", "criterion__group", "framework", "criterion"]
    actions = ["mark_reviewed_today"]
    list_select_related = ["framework", "criterion"]
    search_fields = ["framework__name", "criterion__name", "summary", "details"]
    autocomplete_fields = ["framework", "criterion", "extensions"]
    readonly_fields = ["created_at", "updated_at"]
    date_hierarchy = "last_reviewed"
    inlines = [SourceInline, SupportStatementInline, CodeExampleInline]

    def get_form(self, request, obj=None, change=False, **kwargs):
        # The statement and example inlines offer this framework's releases (ReleaseChoicesMixin);
        # on the add page, those of the framework chosen in the form being saved.
        posted = request.POST.get("framework", "")
        request.assessment_framework_id = (
            obj.framework_id if obj is not None else (int(posted) if posted.isdigit() else None)
        )
        return super().get_form(request, obj, change, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.statements.exists():
            readonly.append("support_level")  # it follows the statements
        return readonly

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        changed = [formset for formset in formsets if formset.has_changed()]
        if not change:
            # A new assessment's statements set its level: record that, or its history keeps the form's.
            changed = [formset for formset in changed if formset.model is SupportStatement]
        if changed:
            # Changed sources, statements or examples are a change of the assessment, named in its history.
            assessment = form.instance
            assessment.refresh_from_db(fields=["support_level", "since_version"])  # as the statements set them
            names = {
                SourceInline.model: "sources",
                SupportStatement: "support statements",
                CodeExample: "code examples",
            }
            assessment.links_changed = {names[formset.model] for formset in changed}
            assessment.save()

    @admin.action(description="Mark reviewed today", permissions=["change"])
    def mark_reviewed_today(self, request, queryset):
        count = services.mark_reviewed_today(queryset)
        self.message_user(request, f"Marked {count} assessment(s) reviewed today.", messages.SUCCESS)

    def get_urls(self):
        return [
            path("deleted/", self.admin_site.admin_view(self.deleted_view), name="comparisons_assessment_deleted"),
            *super().get_urls(),
        ]

    def deleted_view(self, request):
        """Deleted assessments, each restorable as it was (with its sources and extensions)."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        records = {record.history_id: record for record in services.deleted_assessments()}
        if request.method == "POST":
            try:
                record = records.get(int(request.POST.get("history_id", "")))
            except ValueError:
                record = None
            if record is None:
                self.message_user(request, "That deleted assessment is not available to restore.", messages.ERROR)
            else:
                try:
                    assessment = services.restore_assessment(record)
                except ValidationError as error:
                    self.message_user(request, " ".join(error.messages), messages.ERROR)
                else:
                    self.message_user(request, f"Restored “{assessment}”.", messages.SUCCESS)
            return HttpResponseRedirect(request.path)
        context = {
            **self.admin_site.each_context(request),
            "title": "Deleted assessments",
            "opts": self.model._meta,
            "records": records.values(),
        }
        return TemplateResponse(request, "admin/comparisons/deleted_assessments.html", context)


@admin.register(Release)
class ReleaseAdmin(ContentAdmin):
    """Releases come from the package index (`manage.py sync_releases`); editors add what it does not say."""

    list_display = ["__str__", "released_on", "requires_python", "is_yanked", "is_lts", "supported_until"]
    list_editable = ["is_lts", "supported_until"]
    list_filter = ["framework", "is_lts", "is_yanked"]
    list_select_related = ["framework"]
    search_fields = ["framework__name", "version"]
    autocomplete_fields = ["framework"]
    ordering = ["framework__name", "-ordinal"]
    fields = ["framework", "version", "released_on", "is_yanked", "requires_python", "is_lts", "supported_until"]


@admin.register(Source)
class SourceAdmin(ContentAdmin):
    list_display = ["title", "url", "assessment"]
    list_select_related = ["assessment__framework", "assessment__criterion"]
    search_fields = ["title", "url", "assessment__framework__name", "assessment__criterion__name"]
    autocomplete_fields = ["assessment"]


@admin.register(ComparisonPoint)
class ComparisonPointAdmin(ContentAdmin):
    list_display = ["__str__", "edge", "edge_framework", "position", "updated_at"]
    list_filter = ["edge", "comparison"]
    list_select_related = ["comparison", "criterion", "edge_framework"]
    search_fields = ["comparison__title", "criterion__name", "key_difference"]
    autocomplete_fields = ["comparison", "criterion", "edge_framework"]
    readonly_fields = ["created_at", "updated_at"]


class ComparisonAdminForm(VersionedAdminForm):
    class Meta:
        model = Comparison
        fields = [
            "title",
            "slug",
            "frameworks",
            "status",
            "published_at",
            "tldr",
            "introduction",
            "conclusion",
        ]
        help_texts = {"published_at": "Filled in with the current time when the status is set to published."}

    def clean(self):
        cleaned_data = super().clean()
        status = cleaned_data.get("status", self.instance.status)
        if status == ComparisonStatus.PUBLISHED and not cleaned_data.get("published_at"):
            cleaned_data["published_at"] = timezone.now()
        frameworks = cleaned_data.get("frameworks")
        if frameworks is not None:
            Comparison(pk=self.instance.pk, status=status).validate_frameworks(frameworks)
        return cleaned_data


class ComparisonPointInline(ContentAdminMixin, admin.TabularInline):
    model = ComparisonPoint
    fields = ["criterion", "key_difference", "edge", "edge_framework", "position"]
    autocomplete_fields = ["criterion", "edge_framework"]
    extra = 0


@admin.register(Comparison)
class ComparisonAdmin(ContentAdmin):
    form = ComparisonAdminForm
    list_display = ["title", "status", "published_at", "updated_at"]
    list_filter = ["status", "frameworks"]
    search_fields = ["title", "slug", "tldr"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["frameworks"]
    readonly_fields = ["created_at", "updated_at"]
    date_hierarchy = "published_at"
    actions = ["publish_selected", "unpublish_selected"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "frameworks", "status", "published_at"]}),
        ("Text", {"fields": ["tldr", "introduction", "conclusion"]}),
        ("Record", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]
    inlines = [ComparisonPointInline]

    @admin.action(description="Publish the selected comparisons", permissions=["change"])
    def publish_selected(self, request, queryset):
        published = 0
        for comparison in queryset:
            try:
                services.publish(comparison)
            except ValidationError as error:
                self.message_user(
                    request, f"“{comparison}” was not published: {' '.join(error.messages)}", messages.ERROR
                )
            else:
                published += 1
        if published:
            self.message_user(request, f"Published {published} comparison(s).", messages.SUCCESS)

    @admin.action(description="Return the selected comparisons to draft", permissions=["change"])
    def unpublish_selected(self, request, queryset):
        for comparison in queryset:
            services.unpublish(comparison)
        self.message_user(request, f"{queryset.count()} comparison(s) are drafts again.", messages.SUCCESS)

    def save_form(self, request, form, change):
        comparison = super().save_form(request, form, change)
        # The points are validated before the M2M is saved; ComparisonPoint.clean
        # reads the frameworks of this submission from here.
        comparison.submitted_frameworks = form.cleaned_data.get("frameworks")
        return comparison


@admin.register(DataCredit)
class DataCreditAdmin(admin.ModelAdmin):
    """Licences of imported third-party data, credited in every page's footer; remove one whose data is gone."""

    list_display = ["attribution", "name", "url", "created_at"]
    search_fields = ["attribution", "name", "url"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class AssessmentLinkMixin:
    """Rows about one cell (reports, disagreements) link to its assessment's change page."""

    @admin.display(description="assessment", ordering="assessment")
    def assessment_link(self, row):
        url = reverse("admin:comparisons_assessment_change", args=[row.assessment_id])
        return format_html('<a href="{}">{}</a>', url, row.assessment)


@admin.register(ProblemReport)
class ProblemReportAdmin(AssessmentLinkMixin, NullSafeChangelistMixin, admin.ModelAdmin):
    """The queue of readers' reports, each linked to its cell of the matrix."""

    list_display = ["assessment_link", "status", "short_message", "created_at"]
    list_filter = ["status", "assessment__framework"]
    list_select_related = ["assessment__framework", "assessment__criterion"]
    search_fields = ["message", "source_url", "assessment__framework__name", "assessment__criterion__name"]
    readonly_fields = ["assessment_link", "message", "source_url", "email", "created_at"]
    fields = ["assessment_link", "message", "source_url", "email", "created_at", "status"]
    actions = ["accept", "reject"]

    def has_add_permission(self, request):
        return False  # reports come from readers

    @admin.display(description="message")
    def short_message(self, report):
        return Truncator(report.message).chars(80)

    def set_status(self, request, queryset, status):
        for report in queryset:
            report.status = status
            report.save(update_fields=["status"])
        self.message_user(request, f"{queryset.count()} report(s) marked {status.label.lower()}.", messages.SUCCESS)

    @admin.action(description="Mark accepted", permissions=["change"])
    def accept(self, request, queryset):
        self.set_status(request, queryset, ReportStatus.ACCEPTED)

    @admin.action(description="Mark rejected", permissions=["change"])
    def reject(self, request, queryset):
        self.set_status(request, queryset, ReportStatus.REJECTED)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows other code writes: editors read them here and never edit them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Evidence)
class EvidenceAdmin(NullSafeChangelistMixin, ReadOnlyAdmin):
    """Results of the probes (written by `manage.py collect_evidence`)."""

    list_display = ["probe", "release", "python_version", "outcome", "ran_at", "duration"]
    list_filter = ["outcome", "kind", "assessment__framework", "python_version"]
    list_select_related = ["release__framework"]
    search_fields = ["probe", "output"]
    date_hierarchy = "ran_at"


@admin.register(Disagreement)
class DisagreementAdmin(AssessmentLinkMixin, NullSafeChangelistMixin, admin.ModelAdmin):
    """The review queue: evidence that contradicts a cell, both sides shown; an editor accepts or dismisses it."""

    list_display = ["assessment_link", "kind", "cell_says", "evidence_says", "cell_now", "status", "created_at"]
    list_filter = ["status", "kind", "assessment__framework"]
    list_select_related = ["assessment__framework", "assessment__criterion", "evidence__release"]
    search_fields = ["cell_says", "evidence_says", "assessment__framework__name", "assessment__criterion__name"]
    fields = [
        "assessment_link",
        "kind",
        "cell_says",
        "cell_now",
        "evidence_says",
        "proposed_since",
        "probe_output",
        "status",
        "resolved_by",
        "resolved_at",
    ]
    readonly_fields = fields
    actions = ["accept", "dismiss"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("proposed_since", "evidence__release", "resolved_by")

    def has_add_permission(self, request):
        return False  # the collector opens them

    @admin.display(description="the cell now says")
    def cell_now(self, disagreement):
        assessment = disagreement.assessment
        since = f" since {assessment.since_version}" if assessment.since_version else ""
        return f"{assessment.get_support_level_display()}{since}"

    @admin.display(description="what the probe printed")
    def probe_output(self, disagreement):
        return format_html("<pre>{}</pre>", disagreement.evidence.output or "(nothing)")

    def resolve(self, request, queryset, resolve_one, done: str):
        resolved = 0
        for disagreement in queryset.select_related("proposed_since"):
            try:
                resolve_one(disagreement, request.user)
            except ValidationError as error:
                self.message_user(request, f"{disagreement}: {' '.join(error.messages)}", messages.ERROR)
            else:
                resolved += 1
        if resolved:
            self.message_user(request, f"{resolved} disagreement(s) {done}.", messages.SUCCESS)

    @admin.action(description="Accept: the evidence is right (a proposed “since” is applied)", permissions=["change"])
    def accept(self, request, queryset):
        self.resolve(request, queryset, services.accept_disagreement, "accepted")

    @admin.action(description="Dismiss: the cell is right", permissions=["change"])
    def dismiss(self, request, queryset):
        self.resolve(request, queryset, services.dismiss_disagreement, "dismissed")
