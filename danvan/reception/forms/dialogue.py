from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import Organization
from danvan.reception.forms.common import DATE, TEXT, TIME, PersonChoiceField, officers_of
from danvan.reception.models import DialogueParticipant, ParticipantRole, Signature
from danvan.reception.services.dialogue import MinutesEntry, ParticipantData

INVITED_ROLES = [(r.value, r.label) for r in ParticipantRole if r != ParticipantRole.CHAIR]


class DialogueForm(forms.Form):
    tracking_code = forms.CharField(label=_("Tracking code of the complaint"), max_length=20)
    held_on = forms.DateField(label=_("Date of the dialogue"), widget=DATE)
    start_time = forms.TimeField(label=_("Time"), widget=TIME)
    place = forms.CharField(label=_("Place"), max_length=250)
    content = forms.CharField(label=_("Content of the dialogue"), widget=TEXT)
    chair = PersonChoiceField(queryset=None, label=_("Chaired by"))
    notice_sent_on = forms.DateField(
        label=_("Notice sent on"),
        widget=DATE,
        required=False,
        help_text=_("Leave empty if the notice has not been sent yet; record it later."),
    )
    notice_method = forms.CharField(label=_("How the notice was sent"), max_length=150, required=False)

    def __init__(self, *args: Any, organizations: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        chair = self.fields["chair"]
        assert isinstance(chair, forms.ModelChoiceField)
        chair.queryset = officers_of(organizations)


class ParticipantForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=[("", "—"), *INVITED_ROLES], required=False)
    full_name = forms.CharField(label=_("Full name"), max_length=150, required=False)
    organization_name = forms.CharField(label=_("Agency or position"), max_length=250, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("role")) != bool((data.get("full_name") or "").strip()):
            raise forms.ValidationError(_("Give both the role and the name, or neither."))
        return data


ParticipantFormSet = forms.formset_factory(ParticipantForm, extra=6, max_num=30)


def participants_of(formset: Any) -> list[ParticipantData]:
    return [
        ParticipantData(
            f.cleaned_data["role"], f.cleaned_data["full_name"], f.cleaned_data.get("organization_name", "")
        )
        for f in formset.forms
        if f.cleaned_data.get("role")
    ]


class NoticeRecordForm(forms.Form):
    sent_on = forms.DateField(label=_("Notice sent on"), widget=DATE)
    method = forms.CharField(label=_("How the notice was sent"), max_length=150)


class MinutesForm(forms.Form):
    result = forms.CharField(label=_("Result of the dialogue"), widget=TEXT, required=False)

    def __init__(self, *args: Any, participants: list[DialogueParticipant], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.participants = participants
        for p in participants:
            name = f"{p.full_name} ({p.get_role_display()})"
            self.fields[f"opinion_{p.pk}"] = forms.CharField(
                label=_("Opinion of %(name)s") % {"name": name},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )
            self.fields[f"signature_{p.pk}"] = forms.ChoiceField(
                label=_("Signature of %(name)s") % {"name": name}, choices=Signature.choices, initial=Signature.SIGNED
            )
            self.fields[f"refusal_reason_{p.pk}"] = forms.CharField(
                label=_("Reason for refusing to sign"), max_length=300, required=False
            )

    def entries(self) -> list[MinutesEntry]:
        data = self.cleaned_data
        return [
            MinutesEntry(
                participant_id=p.pk,
                signature=data[f"signature_{p.pk}"],
                opinion=data.get(f"opinion_{p.pk}", ""),
                refusal_reason=data.get(f"refusal_reason_{p.pk}", ""),
            )
            for p in self.participants
        ]
