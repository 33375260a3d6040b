from django import forms

from .models import Framework
from .selectors import MAX_COMPARED_FRAMEWORKS


class CompareForm(forms.Form):
    """Which frameworks to put side by side; used by the picker and by compare URLs."""

    frameworks = forms.ModelMultipleChoiceField(
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
