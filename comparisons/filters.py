"""The filter sets: one per listing, shared by the public pages and the API."""

import datetime

import django_filters
from django import forms
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Lower
from django.utils.functional import cached_property
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from . import selectors
from .choices import MINIMUM_LEVEL_CHOICES, SupportLevel
from .evidence.checks import verified_condition
from .forms import SLUG, TEXT_INPUT_MAX_LENGTH, FilterForm
from .models import Assessment, Comparison, Criterion, CriterionGroup, Framework, Tag
from .querysets import stale_before


class SlugsField(django_filters.fields.ModelMultipleChoiceField):
    def clean(self, value):
        # An empty value (?tag=, as a form may send) means no choice, not an invalid one.
        return super().clean([item for item in value or [] if item not in ("", None)])


@extend_schema_field(OpenApiTypes.STR)
class SlugsFilter(django_filters.ModelMultipleChoiceFilter):
    """One or more rows chosen by slug (?tag=micro&tag=wsgi)."""

    field_class = SlugsField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)


class CriterionRefsField(SlugsField):
    """Criteria by slug or by exact name (any case), as a reader types one into the long picker."""

    default_error_messages = {"invalid_choice": "No published criterion has the slug or name “%(value)s”."}

    def clean(self, value):
        refs = [str(item).strip() for item in value or [] if item not in ("", None)]
        # Null characters are refused by the field's own check below, before any query sees them.
        names = {ref.casefold() for ref in refs if not SLUG.fullmatch(ref) and "\x00" not in ref}
        if names:  # a query only for what is not a slug, so links naming slugs cost nothing more
            criteria = Criterion.objects.published().annotate(folded=Lower("name")).filter(folded__in=names)
            slugs = dict(criteria.values_list("folded", "slug"))
            refs = [slugs.get(ref.casefold(), ref) for ref in refs]
        return super().clean(refs)

    def _check_values(self, value):
        """The criteria the slugs name, in display order, from `selectors.criteria_named` (kept under the content
        version) rather than a query; the first slug that names none is the error."""
        slugs = list(dict.fromkeys(str(slug) for slug in value))
        for slug in slugs:
            self.validate_no_null_characters(slug)
        found = selectors.criteria_named([slug for slug in slugs if SLUG.fullmatch(slug)])
        for slug in slugs:
            if found.get(slug) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": slug}
                )
        return sorted((found[slug] for slug in slugs), key=selectors.in_display_order)


@extend_schema_field(OpenApiTypes.STR)
class CriterionRefsFilter(SlugsFilter):
    field_class = CriterionRefsField


class ChoicesField(django_filters.fields.MultipleChoiceField):
    def clean(self, value):
        # As for slugs: an empty value (?level=) means no choice.
        return super().clean([item for item in value or [] if item not in ("", None)])


class ChoicesFilter(django_filters.MultipleChoiceFilter):
    """One or more values from a fixed or published list (?level=built_in&level=extension)."""

    field_class = ChoicesField


def published_facets() -> dict[str, list[tuple[str, str]]]:
    """The languages and licences published frameworks use, as filter choices (drafts never leak into a
    filter): both lists from one query."""
    pairs = Framework.objects.published().order_by().values_list("language", "license").distinct()
    languages, licenses = {language for language, _ in pairs}, {license for _, license in pairs}
    return {
        "language": [(value, value) for value in sorted(languages) if value],
        "license": [(value, value) for value in sorted(licenses) if value],
    }


class NullsLastOrderingFilter(django_filters.OrderingFilter):
    """Ordering where empty values go last either way, on every database, with name as tie-break."""

    def filter(self, queryset, value):
        # Empty entries ("?ordering=name,," or ",,") are skipped, as django-filter's own filter does.
        params = [param for param in value or () if param]
        if not params:
            return queryset
        ordering = []
        for param in params:
            field = self.get_ordering_value(param)
            name = field.lstrip("-")
            expression = Lower(name) if name == "name" else F(name)
            ordering.append(
                expression.desc(nulls_last=True) if field.startswith("-") else expression.asc(nulls_last=True)
            )
        return queryset.order_by(*ordering, Lower("name"))


class SafeIsoDateTimeField(django_filters.fields.IsoDateTimeField):
    """An ISO 8601 date-time any database can compare: offsets within ±14:00 and a year that stays in range."""

    def clean(self, value):
        moment = super().clean(value)
        if moment is None:
            return None
        offset = moment.utcoffset()
        if offset is not None and abs(offset) > datetime.timedelta(hours=14):
            raise forms.ValidationError("Use a time-zone offset between -14:00 and +14:00.", code="invalid_offset")
        try:
            return moment.astimezone(datetime.UTC)
        except (OverflowError, ValueError):
            raise forms.ValidationError("This date-time is out of range.", code="out_of_range") from None


# The date-times SafeIsoDateTimeField takes, as the API schema states them.
SAFE_DATE_TIME_PATTERN = r"^(1[0-9]{3}|[2-8][0-9]{3}|9[0-8][0-9]{2})-.*(Z|z|[+-](0[0-9]|1[0-3]):[0-5][0-9]|[+-]14:00)$"


@extend_schema_field({"type": "string", "format": "date-time", "pattern": SAFE_DATE_TIME_PATTERN})
class SafeIsoDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = SafeIsoDateTimeField


class FrameworkFilterSet(django_filters.FilterSet):
    # Chips for these filters only show when the filter they refine is active.
    chip_requires = {"level": "supports"}

    q = django_filters.CharFilter(method="filter_text", label="Search", max_length=TEXT_INPUT_MAX_LENGTH)
    tag = SlugsFilter(
        field_name="tags__slug",
        queryset=Tag.objects.all(),
        to_field_name="slug",
        conjoined=True,
        label="Tags (all of)",
        widget=forms.CheckboxSelectMultiple,
    )
    # Their choices are the published frameworks' values, read when the form is drawn or checks one (__init__).
    language = ChoicesFilter(label="Language", widget=forms.CheckboxSelectMultiple)
    license = ChoicesFilter(label="License", widget=forms.CheckboxSelectMultiple)
    supports = CriterionRefsFilter(
        queryset=selectors.listed_criteria(),
        to_field_name="slug",
        method="filter_applied_with_level",
        label="Supports",
        help_text="Only frameworks that meet every chosen criterion at the chosen level.",
        widget=forms.CheckboxSelectMultiple,
    )
    level = django_filters.ChoiceFilter(
        choices=MINIMUM_LEVEL_CHOICES,
        method="filter_applied_with_level",
        empty_label=None,
        label="at least",
    )
    ordering = NullsLastOrderingFilter(
        fields=(("name", "name"), ("first_release_year", "year"), ("updated_at", "updated")),
        # Ascending labels are keyed by model field, descending ones by parameter.
        field_labels={
            "name": "Name",
            "-name": "Name (Z–A)",
            "first_release_year": "Oldest first",
            "-year": "Newest first",
            "updated_at": "Least recently updated",
            "-updated": "Recently updated",
        },
        label="Sort by",
        empty_label=None,
    )

    class Meta:
        model = Framework
        form = FilterForm
        fields = ["q", "tag", "language", "license", "supports", "level"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("language", "license"):
            self.filters[name].extra["choices"] = lambda name=name: self.facets[name]

    @cached_property
    def facets(self) -> dict[str, list[tuple[str, str]]]:
        return published_facets()

    @cached_property
    def lists_every_criterion(self) -> bool:
        """Whether the form offers a checkbox per criterion; asked by the page before it draws the form.

        A checkbox per criterion is a form of thousands on a real matrix: past as
        many criteria as the matrix pages show at once, readers type the names of
        the criteria they want instead (the chosen ones stay as checkboxes, see
        `chosen_criteria`). One query either way, for at most that many criteria.
        """
        field = self.form.fields["supports"]
        first = list(field.queryset.values_list("slug", "name")[: selectors.ALL_GROUPS_MAX_CRITERIA + 1])
        if len(first) > selectors.ALL_GROUPS_MAX_CRITERIA:
            return False
        field.widget.choices = first  # the checkboxes, without reading the criteria again
        return True

    @property
    def chosen_criteria(self) -> list[tuple[str, str]]:
        """(value, label) of each criterion `supports` names, for the long picker's checkboxes.

        While the form has errors, the values as sent, so a typo loses nothing.
        """
        if not self.form.is_bound:
            return []
        if not self.form.is_valid():
            return [(value, value) for value in self.form.data.getlist("supports") if value]
        return [(criterion.slug, criterion.name) for criterion in self.form.cleaned_data.get("supports") or []]

    def filter_text(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(summary__icontains=value) | Q(description__icontains=value))

    def filter_applied_with_level(self, queryset, name, value):
        # `supports` and `level` only mean something together; filter_queryset applies them.
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        criteria = self.form.cleaned_data.get("supports")
        if criteria:
            levels = SupportLevel.at_least(self.form.cleaned_data.get("level") or SupportLevel.BUILT_IN)
            for criterion in criteria:
                meets = Assessment.objects.filter(
                    framework=OuterRef("pk"), criterion=criterion, support_level__in=levels
                )
                queryset = queryset.filter(Exists(meets))
        return queryset.distinct() if self.form.cleaned_data.get("tag") else queryset


class AssessmentFilterSet(django_filters.FilterSet):
    # Slug-valued filters name the slug column: django-filter matches `field_name`
    # against the chosen objects' `to_field_name` values.
    framework = SlugsFilter(
        field_name="framework__slug", queryset=Framework.objects.published(), to_field_name="slug", label="Framework"
    )
    criterion = SlugsFilter(
        field_name="criterion__slug", queryset=Criterion.objects.published(), to_field_name="slug", label="Criterion"
    )
    group = django_filters.ModelChoiceFilter(
        field_name="criterion__group", queryset=CriterionGroup.objects.all(), to_field_name="slug", label="Group"
    )
    level = ChoicesFilter(
        field_name="support_level",
        choices=SupportLevel.choices,
        label="Support level",
        widget=forms.CheckboxSelectMultiple,
    )
    stale = django_filters.ChoiceFilter(
        choices=[("true", "Needs review"), ("false", "Reviewed recently")],
        method="filter_stale",
        label="Review",
        empty_label="Any",
    )
    verified = django_filters.ChoiceFilter(
        choices=[("true", "Checked by a probe"), ("false", "Not checked")],
        method="filter_verified",
        label="Evidence",
        empty_label="Any",
        help_text="Checked: a recent probe passed on the framework's current release, and none failed there.",
    )
    updated_since = SafeIsoDateTimeFilter(field_name="updated_at", lookup_expr="gte", label="Updated since")

    class Meta:
        model = Assessment
        form = FilterForm
        fields = ["framework", "criterion", "group", "level", "stale", "verified", "updated_since"]

    def filter_verified(self, queryset, name, value):
        condition = verified_condition()
        return queryset.filter(condition) if value == "true" else queryset.exclude(condition)

    def filter_stale(self, queryset, name, value):
        condition = Q(last_reviewed__lt=stale_before())
        return queryset.filter(condition) if value == "true" else queryset.exclude(condition)


class ComparisonFilterSet(django_filters.FilterSet):
    framework = SlugsFilter(
        field_name="frameworks__slug",
        queryset=Framework.objects.published(),
        to_field_name="slug",
        conjoined=True,
        label="Includes",
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Comparison
        form = FilterForm
        fields = ["framework"]
