"""The officer's decision about a suggestion: accept it as shown, or correct the category or organisation."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import Organization
from danvan.cases.models import Category, Petition
from danvan.routing.selectors import Suggestion, organization_choices
from danvan.routing.services import Shown


class DecisionForm(forms.Form):
    """Both buttons post this form: "accept" with the suggested values in hidden fields, "correct" with
    the officer's choices. The ``shown_*`` fields carry what the panel showed."""

    category = forms.ModelChoiceField(
        label=_("Subject area"), queryset=Category.objects.none(), required=False, empty_label=_("Not sure")
    )
    organization = forms.ModelChoiceField(
        label=_("Competent organisation"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("Not sure"),
    )
    shown_category = forms.IntegerField(required=False, widget=forms.HiddenInput)
    shown_organization = forms.IntegerField(required=False, widget=forms.HiddenInput)
    shown_model = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, petition: Petition, hidden: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.petition = petition
        category = cast(forms.ModelChoiceField, self.fields["category"])
        category.queryset = Category.objects.filter(is_active=True)
        organization = cast(forms.ModelChoiceField, self.fields["organization"])
        organization.queryset = organization_choices(petition=petition)
        if hidden:
            category.widget = forms.HiddenInput()
            organization.widget = forms.HiddenInput()

    @classmethod
    def for_suggestion(cls, suggestion: Suggestion, *, petition: Petition, hidden: bool) -> DecisionForm:
        """Unbound, showing ``suggestion``: the accept form (hidden values) or the correct form (pre-selected)."""
        return cls(
            petition=petition,
            hidden=hidden,
            auto_id=False if hidden else "id_%s",  # one set of ids per page: the correct form's
            initial={
                "category": suggestion.category_id,
                "organization": suggestion.organization_id,
                "shown_category": suggestion.category_id,
                "shown_organization": suggestion.organization_id,
                "shown_model": suggestion.model_version,
            },
        )

    def shown(self) -> Shown:
        data = self.cleaned_data
        return Shown(data.get("shown_category"), data.get("shown_organization"), data.get("shown_model"))
