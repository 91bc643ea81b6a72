"""The form of a response template (mẫu trả lời). It parses input; the service validates and saves."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import Organization
from danvan.cases.models import Kind, ResponseStep
from danvan.cases.models.responses import BODY_MAX_LENGTH, PLACEHOLDERS
from danvan.cases.services.responses import TemplateData

PLACEHOLDER_HELP = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)


class ResponseTemplateForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none(), required=False, empty_label=None
    )
    title = forms.CharField(label=_("Title"), max_length=150)
    kind = forms.ChoiceField(label=_("Kind of petition"), choices=[("", _("Any kind")), *Kind.choices], required=False)
    step = forms.ChoiceField(label=_("Used for"), choices=[("", _("Choose…")), *ResponseStep.choices])
    body = forms.CharField(
        label=_("Text"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    is_active = forms.BooleanField(label=_("In use (offered on the case page)"), required=False, initial=True)

    def __init__(
        self,
        *args: Any,
        organizations: QuerySet[Organization],
        system_wide: bool,
        editing: bool = False,
        **kwargs: Any,
    ) -> None:
        """``organizations``: those the user manages templates for; ``system_wide``: the user may make
        system-wide ones (the empty choice). When editing, the organisation is shown but not changed."""
        super().__init__(*args, **kwargs)
        self.fields["body"].help_text = gettext(
            "Placeholders filled from the petition: %(placeholders)s. For a denunciation the name is never "
            "filled in (the letter says “Ông/Bà”): the denouncer's identity stays confidential."
        ) % {"placeholders": PLACEHOLDER_HELP}
        field = self.fields["organization"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = organizations
        self.system_wide = system_wide
        if system_wide:
            field.empty_label = _("All organisations (system-wide)")
        if editing:
            field.disabled = True
        elif not system_wide and len(organizations) == 1:
            self.initial.setdefault("organization", organizations[0].pk)

    def clean_organization(self) -> Organization | None:
        organization: Organization | None = self.cleaned_data.get("organization")
        if organization is None and not self.system_wide and not self.fields["organization"].disabled:
            choices = list(self.fields["organization"].queryset)  # type: ignore[attr-defined]
            if len(choices) != 1:
                raise forms.ValidationError(_("Choose the organisation."))
            organization = choices[0]  # the only organisation the user manages templates for
        return organization

    def template_data(self) -> TemplateData:
        data = self.cleaned_data
        return TemplateData(
            organization=data.get("organization"),
            title=data["title"],
            kind=data["kind"],
            step=data["step"],
            body=data["body"],
            is_active=data["is_active"],
        )
