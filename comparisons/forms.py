import copy

from django import forms
from django.core.exceptions import ValidationError
from django.utils.choices import BaseChoiceIterator

from .models import Framework, ProblemReport
from .selectors import (
    MAX_COMPARED_FRAMEWORKS,
    groups_by_slug,
    published_frameworks_by_slug,
    shown_group,
    shows_one_group_at_a_time,
)

# Longest text a search or filter box accepts; longer input is a form error.
TEXT_INPUT_MAX_LENGTH = 200
# At most this many values for one list-valued filter (?tag=a&tag=b…).
MAX_FILTER_VALUES = 30


class FilterForm(forms.Form):
    """The form behind every filter set: list-valued filters are capped in length."""

    def clean(self):
        cleaned_data = super().clean()
        getlist = getattr(self.data, "getlist", None)
        for name in list(self.fields) if getlist else []:
            if len(getlist(name)) > MAX_FILTER_VALUES and name not in self.errors:
                self.add_error(name, f"Choose at most {MAX_FILTER_VALUES} values.")
        return cleaned_data


class PublishedFrameworksField(forms.ModelMultipleChoiceField):
    """Published frameworks by slug, checked against the list read once per content version.

    Every compare page validates its slugs; this spares it a query. The choices
    the picker shows still come from `queryset`.
    """

    def _check_values(self, value):
        try:
            slugs = frozenset(str(slug) for slug in value)
        except TypeError:
            raise ValidationError(self.error_messages["invalid_list"], code="invalid_list") from None
        published = published_frameworks_by_slug()
        for slug in slugs:
            self.validate_no_null_characters(slug)
            if slug not in published:
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": slug}
                )
        return [published[slug] for slug in slugs]


class CompareForm(forms.Form):
    """Which frameworks to put side by side; used by the picker and by compare URLs."""

    frameworks = PublishedFrameworksField(
        queryset=Framework.objects.published(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "“%(value)s” is not a published framework.",
            "required": "Choose at least two frameworks to compare.",
        },
    )

    def clean_frameworks(self):
        frameworks = list(self.cleaned_data["frameworks"])
        if len(frameworks) < 2:
            raise forms.ValidationError("Choose at least two frameworks to compare.", code="too_few")
        if len(frameworks) > MAX_COMPARED_FRAMEWORKS:
            raise forms.ValidationError(
                "Compare at most %(max)d frameworks at a time; you chose %(count)d.",
                code="too_many",
                params={"max": MAX_COMPARED_FRAMEWORKS, "count": len(frameworks)},
            )
        return sorted(frameworks, key=lambda framework: framework.slug)


WEIGHT_CHOICES = [(0, "Doesn't matter"), (1, "Nice to have"), (2, "Important"), (3, "Essential")]


class WeightChoices(BaseChoiceIterator):
    """WEIGHT_CHOICES as Django takes choices it need not normalize again.

    A page builds a weight field per criterion shown, and Django normalizes a
    plain list of choices one label at a time, each call costing an import
    lookup: with hundreds of fields that was a millisecond of every page.
    """

    def __iter__(self):
        return iter(WEIGHT_CHOICES)


WEIGHT_PREFIX = "w-"

# Every weight field is this field with its criterion's label. Copying it is
# a tenth of the cost of building a field (widget, choices, validators), and the compare
# and fit pages build one per criterion shown. The copies share the widget and choices,
# which nothing changes after this point.
_WEIGHT_FIELD = forms.TypedChoiceField(
    choices=WeightChoices(),
    coerce=int,
    required=False,
    empty_value=0,
    # Shown after the criterion's name, or beside its labelled select.
    error_messages={"invalid_choice": "The weight must be 0, 1, 2 or 3, not “%(value)s”."},
)


def weight_field(criterion) -> forms.TypedChoiceField:
    field = copy.copy(_WEIGHT_FIELD)
    field.label = criterion.name
    return field


def weight_field_name(criterion) -> str:
    return f"{WEIGHT_PREFIX}{criterion.slug}"


class FitForm(forms.Form):
    """How much each criterion matters to the reader, 0–3. The weights live in the URL (?w-forms=3).

    A field is built only for the criteria `criteria_with_fields` names (all of them
    here), kept as `weighable`; a weight given for any other published criterion is
    still read and checked.
    """

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        self.weighable = self.criteria_with_fields()
        for criterion in self.weighable:
            self.fields[weight_field_name(criterion)] = weight_field(criterion)

    def criteria_with_fields(self):
        return self.criteria

    def named_weights(self) -> set[str]:
        """The weight parameters in the request with a value."""
        return {key for key in self.data if key.startswith(WEIGHT_PREFIX) and self.data.get(key)}

    def given_weight_names(self) -> set[str]:
        """The weight parameters that say something: not "0", which is what an untouched select sends."""
        return {key for key in self.named_weights() if self.data.get(key) != "0"}

    def clean(self):
        cleaned_data = super().clean()
        known = {weight_field_name(criterion) for criterion in self.criteria}
        unknown = sorted(self.named_weights() - known)
        if unknown:
            raise forms.ValidationError(
                "These weights name no published criterion: %(keys)s.", params={"keys": ", ".join(unknown)}
            )
        return cleaned_data

    def weights(self) -> dict:
        """Criterion -> weight for the criteria that can have one; all zero unless the form is bound and valid."""
        valid = self.is_bound and self.is_valid()
        return {
            criterion: (self.cleaned_data.get(weight_field_name(criterion)) or 0) if valid else 0
            for criterion in self.weighable
        }

    def weight_fields_by_group(self):
        """(group, bound fields) pairs in the criteria's order, for the template."""
        groups = []
        for criterion in self.weighable:
            if not groups or groups[-1][0] != criterion.group:
                groups.append((criterion.group, []))
            groups[-1][1].append(self[weight_field_name(criterion)])
        return groups


class CompareOptionsForm(FitForm):
    """What the compare page shows: weights, differences only, one criterion group.

    With many criteria the page shows one group at a time (the first unless the
    reader picks another) with that group's weights; weights given in other
    groups are carried along as hidden fields and still count in the ranking.
    """

    differences = forms.BooleanField(required=False, label="Show only the differences")
    group = forms.ChoiceField(required=False, label="Criterion group")

    def __init__(self, *args, criteria, **kwargs):
        self.groups = groups_by_slug(criterion.group for criterion in criteria)
        self.one_group_at_a_time = shows_one_group_at_a_time(len(criteria))
        super().__init__(*args, criteria=criteria, **kwargs)
        choices = [(slug, group.name) for slug, group in self.groups.items()]
        self.fields["group"].choices = choices if self.one_group_at_a_time else [("", "All groups"), *choices]
        self.fields["group"].error_messages["invalid_choice"] = "“%(value)s” is not a criterion group."

    def option(self, name, default=None):
        return self.cleaned_data.get(name, default) if self.is_bound and self.is_valid() else default

    def chosen_group(self):
        """The group to show: the reader's, else the first when groups are shown one at a time, else None (all).

        Read from the raw parameter (an unknown slug is the form's error), so the
        form knows it before it is validated.
        """
        return shown_group(self.groups, self.data.get("group"), one_at_a_time=self.one_group_at_a_time)

    def criteria_with_fields(self):
        """The shown group's criteria, and any other criterion the reader gave a weight."""
        shown = self.chosen_group()
        if shown is None:
            return self.criteria
        given = self.given_weight_names()
        return [c for c in self.criteria if c.group_id == shown.pk or weight_field_name(c) in given]

    def weight_fields_by_group(self):
        shown = self.chosen_group()
        groups = super().weight_fields_by_group()
        return groups if shown is None else [(group, fields) for group, fields in groups if group == shown]

    def carried_weights(self) -> list[tuple[str, str]]:
        """(name, value) of the weights given for criteria of the groups not shown, as submitted."""
        shown = self.chosen_group()
        if shown is None:
            return []
        return [
            (name, self.data[name]) for name in (weight_field_name(c) for c in self.weighable if c.group_id != shown.pk)
        ]


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search",
        min_length=2,
        max_length=TEXT_INPUT_MAX_LENGTH,
        error_messages={"required": "Type what to search for."},
    )


class ProblemReportForm(forms.ModelForm):
    """A reader reports a problem with one assessment. `website` is a honeypot: people leave it empty."""

    source_url = forms.URLField(required=False, max_length=500, assume_scheme="https", label="A source (optional)")
    website = forms.CharField(
        required=False,
        label="Leave this empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = ProblemReport
        fields = ["message", "source_url", "email"]
        widgets = {"message": forms.Textarea(attrs={"rows": 5})}
        labels = {"message": "What is wrong?", "email": "Your email (optional)"}
        help_texts = {"message": "Which statement, and what is right instead."}

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))
