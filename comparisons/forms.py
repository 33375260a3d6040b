import re
from dataclasses import dataclass

from django import forms

from .columns import FRAMEWORK_REF, compared_frameworks
from .fit import DEFAULT_EXTENSION_POINTS, EXTENSION_POINTS_CHOICES
from .models import SLUG_PATTERN, ProblemReport
from .selectors import (
    criteria_shown_or_named,
    group_part,
    groups_by_slug,
    published_framework_choices,
    shown_group,
    shows_one_group_at_a_time,
)

SLUG = re.compile(SLUG_PATTERN)
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


class FrameworkRefsField(forms.MultipleChoiceField):
    """Framework slugs among the choices, each optionally at a release: "django", "django@4.2"."""

    def valid_value(self, value):
        ref = FRAMEWORK_REF.fullmatch(str(value))
        return ref is not None and super().valid_value(ref["slug"])


class CompareForm(forms.Form):
    """Which frameworks to put side by side, each at its current release or a chosen one (`django@4.2`).

    Used by the picker and by compare URLs.
    """

    frameworks = FrameworkRefsField(
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "“%(value)s” is not a published framework.",
            "required": "Choose at least two frameworks to compare.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["frameworks"].choices = published_framework_choices()

    def clean_frameworks(self) -> list:
        return compared_frameworks(self.cleaned_data["frameworks"])


# Choice values are strings, as a request sends them; the field turns the chosen one into a number.
WEIGHT_CHOICES = [("0", "Doesn't matter"), ("1", "Nice to have"), ("2", "Important"), ("3", "Essential")]
WEIGHT_PREFIX = "w-"


def weight_field(criterion) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=criterion.name,
        choices=WEIGHT_CHOICES,
        coerce=int,
        required=False,
        empty_value=0,
        error_messages={"invalid_choice": "The weight must be 0, 1, 2 or 3, not “%(value)s”."},
    )


def weight_field_name(criterion) -> str:
    return f"{WEIGHT_PREFIX}{criterion.slug}"


@dataclass(frozen=True)
class WeightSelect:
    """What the template needs to draw one criterion's weight as a labelled select."""

    name: str
    label: str
    value: str  # as submitted; "" when none was
    errors: list

    @property
    def id(self) -> str:
        return f"id_{self.name}"


class WeightsForm(forms.Form):
    """How much each criterion matters to the reader, 0–3. The weights live in the URL (?w-forms=3).

    The criteria `criteria_with_fields` names (all of them here) are `weighable`;
    a field is built only for those the request gives a weight: the form is drawn
    from its criteria alone (`weight_selects_by_group`), as a page shows a select
    for every criterion of a group. A weight given for any other published
    criterion is still read and checked.
    """

    weight_choices = WEIGHT_CHOICES
    extension = forms.TypedChoiceField(
        label="“Via extension” earns",
        choices=EXTENSION_POINTS_CHOICES,
        coerce=int,
        required=False,
        initial=DEFAULT_EXTENSION_POINTS,
        empty_value=DEFAULT_EXTENSION_POINTS,
        error_messages={"invalid_choice": "“Via extension” earns 0, 1, 2 or 3 points, not “%(value)s”."},
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        self.weighable = self.criteria_with_fields()
        if self.is_bound:  # a field for each weight sent: the others are 0 (see `weights`)
            for criterion in self.weighable:
                if (name := weight_field_name(criterion)) in self.data:
                    self.fields[name] = weight_field(criterion)

    def criteria_with_fields(self):
        return self.criteria

    def named_weights(self) -> set[str]:
        """The weight parameters in the request with a value."""
        return {key for key in self.data if key.startswith(WEIGHT_PREFIX) and self.data.get(key)}

    def given_weight_names(self) -> set[str]:
        """The weight parameters that say something: not "0", which is what an untouched select sends."""
        return {key for key in self.named_weights() if self.data.get(key) != "0"}

    def known_weight_names(self) -> set[str]:
        return {weight_field_name(criterion) for criterion in self.criteria}

    def clean(self):
        cleaned_data = super().clean()
        unknown = sorted(self.named_weights() - self.known_weight_names())
        if unknown:
            raise forms.ValidationError(
                "These weights name no published criterion and were left out (the others still count): %(keys)s.",
                params={"keys": ", ".join(unknown)},
            )
        return cleaned_data

    def weights(self) -> dict:
        """Criterion -> weight for the criteria that can have one.

        A weight that is wrong (not 0–3) counts as 0 and a name that is unknown
        is ignored: both are the form's errors, named on the page, while the
        valid weights still rank.
        """
        if not self.is_bound:
            return dict.fromkeys(self.weighable, 0)
        self.is_valid()
        weights = {}
        for criterion in self.weighable:
            name = weight_field_name(criterion)
            weights[criterion] = 0 if name in self.errors else (self.cleaned_data.get(name) or 0)
        return weights

    def extension_points(self) -> int:
        """What "via extension" earns, as the reader chose (2 of 3 unless they chose otherwise)."""
        if not self.is_bound:
            return DEFAULT_EXTENSION_POINTS
        self.is_valid()
        return self.cleaned_data.get("extension", DEFAULT_EXTENSION_POINTS)

    def weight_selects_by_group(self) -> list[tuple]:
        """(group, [WeightSelect]) pairs in the criteria's order, for the template."""
        groups = []
        for criterion in self.weighable:
            if not groups or groups[-1][0] != criterion.group:
                groups.append((criterion.group, []))
            name = weight_field_name(criterion)
            value, errors = (self.data.get(name, ""), self.errors.get(name, [])) if self.is_bound else ("", [])
            groups[-1][1].append(WeightSelect(name=name, label=criterion.name, value=value, errors=errors))
        return groups


class FitForm(WeightsForm):
    """The weights of the fit page: with many criteria, one group's (or part's) at a time.

    With many criteria the page shows one group at a time (the first unless the
    reader picks another) with that group's weights; weights given in other
    groups are carried along as hidden fields and still count in the ranking.
    """

    group = forms.ChoiceField(required=False, label="Criterion group")
    part = forms.IntegerField(
        required=False,
        min_value=1,
        label="Part of the group",
        error_messages={"invalid": "A part is a whole number, such as 2.", "min_value": "Parts count from 1."},
    )

    def __init__(self, *args, groups, **kwargs):
        """`groups`: the criterion groups with published criteria, each with its `criteria_count`."""
        self.groups = groups_by_slug(groups)
        self.one_group_at_a_time = shows_one_group_at_a_time(sum(group.criteria_count for group in groups))
        # Only the criteria the page shows or the reader weighed are read (see criteria_with_fields).
        super().__init__(*args, criteria=None, **kwargs)
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

    def chosen_part(self):
        """The part of the shown group to show (None: all of it); the first when ?part= is wrong (the form's error)."""
        try:
            return group_part(self.chosen_group(), int(self.data.get("part") or 1))
        except ValueError:
            return group_part(self.chosen_group())

    def clean_part(self):
        number = self.cleaned_data.get("part")
        if number is not None:
            try:
                group_part(self.chosen_group(), number)
            except ValueError as error:
                raise forms.ValidationError(str(error)) from None
        return number

    def criteria_with_fields(self):
        """The shown criteria (a group, or a part of one), and any other criterion the reader gave a weight.

        Read together with every criterion a weight names, so `known_weight_names` can tell which name none.
        """
        # Only well-formed slugs reach the query; `clean` names the others as unknown.
        named = {slug for name in self.named_weights() if SLUG.fullmatch(slug := name.removeprefix(WEIGHT_PREFIX))}
        self.criteria = criteria_shown_or_named(self.chosen_group(), named, self.chosen_part())
        given = self.given_weight_names()
        return [c for c in self.criteria if self.is_shown(c) or weight_field_name(c) in given]

    @staticmethod
    def is_shown(criterion) -> bool:
        return getattr(criterion, "is_shown", True)

    def shown_criteria(self) -> list:
        """The criteria the page shows as rows, in display order."""
        return [criterion for criterion in self.criteria if self.is_shown(criterion)]

    def weight_selects_by_group(self):
        if self.chosen_group() is None:
            return super().weight_selects_by_group()
        shown = {weight_field_name(criterion) for criterion in self.shown_criteria()}
        groups = [
            (group, [select for select in selects if select.name in shown])
            for group, selects in super().weight_selects_by_group()
        ]
        return [(group, selects) for group, selects in groups if selects]

    def carried_weights(self) -> list[tuple[str, str]]:
        """(name, value) of the weights given for criteria not shown (other groups or parts), as submitted."""
        return [
            (name, self.data[name]) for name in (weight_field_name(c) for c in self.weighable if not self.is_shown(c))
        ]


class CompareOptionsForm(FitForm):
    """What the compare page shows: the fit page's weights, differences only, a full table or a grid."""

    differences = forms.BooleanField(required=False, label="Show only the differences")
    view = forms.ChoiceField(
        required=False,
        choices=[("", "Full table"), ("grid", "Compact grid")],
        label="View",
        error_messages={"invalid_choice": "“%(value)s” is not a view of the compare page: leave it out or use “grid”."},
    )


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
