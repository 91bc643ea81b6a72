"""Forms of the petitions module: they parse input, nothing more. The services validate the domain
(personal ID, dates, attachments by content) and their field errors are mapped back onto these forms."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import Organization
from danvan.cases.models import Category, Channel, Kind, PartyRole
from danvan.cases.services.intake import PartyData, PetitionData
from danvan.geography.models import AdministrativeUnit, Era, Level
from danvan.geography.selectors import communes_of_province

DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
KIND_CHOICES = [
    ("", _("Choose…")),
    ("complaint_1", _("Complaint (first time)")),
    ("complaint_2", _("Complaint (second time)")),
    ("denunciation", _("Denunciation")),
    ("recommendation", _("Recommendation")),
    ("feedback", _("Feedback")),
]
OFFICER_CHANNELS = [(c.value, c.label) for c in Channel if c not in (Channel.WEB, Channel.API, Channel.OPEN311)]
ACCEPTED_FILES = ".pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png"


def split_kind(value: str) -> tuple[str, int | None]:
    """``complaint_2`` → (``complaint``, 2); ``feedback`` → (``feedback``, None)."""
    if value.startswith(Kind.COMPLAINT):
        return Kind.COMPLAINT, int(value.rsplit("_", 1)[1])
    return value, None


def model_field(form: forms.Form, name: str) -> forms.ModelChoiceField:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    return field


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name())


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one ``<input type=file multiple>``; the content is checked by the service."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPTED_FILES}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files if f]


class NotFutureDateField(forms.DateField):
    def validate(self, value: dt.date | None) -> None:
        super().validate(value)
        if value is not None and value > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."), code="future")


# What identifies the sender: left empty (and greyed out in the browser) when the petition is anonymous.
IDENTITY_FIELDS = ("full_name", "personal_id", "birth_year", "phone", "email", "address_street")


class PetitionForm(forms.Form):
    """The citizen's petition. Province first, then the commune (the list of 3,321 communes is too long)."""

    kind = forms.ChoiceField(label=_("Kind of petition"), choices=KIND_CHOICES)
    province = forms.ModelChoiceField(
        label=_("Province or city"),
        queryset=AdministrativeUnit.objects.filter(era=Era.CURRENT, level=Level.PROVINCE).order_by("name"),
        empty_label=_("Choose the province…"),
    )
    unit = forms.ModelChoiceField(
        label=_("Commune, ward or special zone"),
        queryset=AdministrativeUnit.objects.none(),
        empty_label=_("Choose the commune…"),
        help_text=_("The commune where the matter happened. Choose the province first."),
        error_messages={"invalid_choice": _("Choose a commune of the province you chose.")},
    )
    location = forms.CharField(label=_("Street, hamlet or place"), max_length=250, required=False)
    category = forms.ModelChoiceField(
        label=_("Subject area"),
        queryset=Category.objects.filter(is_active=True),
        required=False,
        empty_label=_("Not sure"),
    )
    subject = forms.CharField(label=_("Subject"), max_length=250, help_text=_("One line, e.g. “Land recovery”."))
    content = forms.CharField(label=_("Content"), max_length=20000, widget=forms.Textarea(attrs={"rows": 8}))
    respondent_name = forms.CharField(
        label=_("Person or agency complained about or denounced"), max_length=250, required=False
    )
    decision_reference = forms.CharField(
        label=_("Decision or act complained about"),
        max_length=250,
        required=False,
        help_text=_("Number, date and issuer, e.g. “Decision 15/QĐ-UBND”."),
    )
    decision_date = forms.DateField(label=_("Date of the decision or act"), required=False, widget=DATE)
    people_count = forms.IntegerField(label=_("Number of people"), min_value=1, max_value=100000, initial=1)
    is_anonymous = forms.BooleanField(
        label=_("Send without giving my name"),
        required=False,
        help_text=_("An anonymous denunciation is not handled as a denunciation, only as information."),
    )
    full_name = forms.CharField(label=_("Full name"), max_length=150, required=False)
    personal_id = forms.CharField(
        label=_("Personal ID number"),
        max_length=20,
        required=False,
        help_text=_("12 digits, on your citizen identity card."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    birth_year = forms.IntegerField(label=_("Year of birth"), required=False, min_value=1900, max_value=2100)
    phone = forms.RegexField(
        label=_("Phone number"),
        regex=r"^[0-9+ .()-]{6,20}$",
        required=False,
        error_messages={"invalid": _("Enter a phone number, e.g. 0912 345 678.")},
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    address_street = forms.CharField(label=_("Your address"), max_length=250, required=False)
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
    )
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    communes_url = "cases:submit"  # answers ?province=… with the commune select (htmx)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["province"].widget.attrs.update(
            {"hx-get": reverse(self.communes_url), "hx-target": "#commune-field", "hx-trigger": "change"}
        )
        chosen = (self.data.get(self.add_prefix("province")) if self.is_bound else None) or self.initial.get("province")
        raw = str(getattr(chosen, "pk", chosen) or "")
        province = (
            AdministrativeUnit.objects.filter(pk=int(raw), era=Era.CURRENT, level=Level.PROVINCE).first()
            if raw.isdigit()
            else None
        )
        self.fields["attachments"].help_text = _(
            "PDF, JPEG, PNG or DOCX; at most %(count)s files of %(size)s MB each."
        ) % {
            "count": settings.DANVAN_ATTACHMENT_MAX_COUNT,
            "size": settings.DANVAN_ATTACHMENT_MAX_BYTES // (1024 * 1024),
        }
        if province is not None:
            model_field(self, "unit").queryset = communes_of_province(province=province)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        if data.get("is_anonymous"):
            given = [str(self.fields[name].label) for name in IDENTITY_FIELDS if data.get(name)]
            if given:
                # Never drop what the citizen typed without saying so: they decide.
                self.add_error(
                    "is_anonymous",
                    _(
                        "You chose to send without giving your name, but filled in: %(fields)s. "
                        "Clear those fields, or untick this box to give your name."
                    )
                    % {"fields": ", ".join(given)},
                )
        return data

    def petition_data(self, *, channel: str = Channel.WEB, received_on: dt.date | None = None) -> PetitionData:
        data = self.cleaned_data
        kind, complaint_round = split_kind(data["kind"])
        parties = []
        if not data["is_anonymous"]:
            parties.append(
                PartyData(
                    full_name=data["full_name"],
                    role=PartyRole.PETITIONER,
                    personal_id=data["personal_id"],
                    birth_year=data["birth_year"],
                    address_street=data["address_street"],
                    phone=data["phone"],
                    email=data["email"],
                )
            )
        return PetitionData(
            kind=kind,
            complaint_round=complaint_round,
            subject=data["subject"],
            content=data["content"],
            unit=data["unit"],
            channel=channel,
            category=data["category"],
            location=data["location"],
            respondent_name=data["respondent_name"],
            decision_reference=data["decision_reference"],
            decision_date=data["decision_date"],
            people_count=data["people_count"],
            is_anonymous=data["is_anonymous"],
            received_on=received_on,
            parties=parties,
            attachments=data["attachments"],
        )


class OfficerEntryForm(PetitionForm):
    """A petition received in person, by post, in the suggestion box, by phone, by e-mail or transferred."""

    channel = forms.ChoiceField(label=_("Received through"), choices=OFFICER_CHANNELS)
    received_on = NotFutureDateField(label=_("Received on"), widget=DATE)
    receiving_organization = forms.ModelChoiceField(
        label=_("Receiving organisation"), queryset=Organization.objects.none(), empty_label=None
    )
    field_order = ["channel", "received_on", "receiving_organization"]
    communes_url = "cases:officer_entry"

    def __init__(self, *args: Any, organizations: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = model_field(self, "receiving_organization")
        field.queryset = organizations
        only = list(organizations[:2])
        self.only_organization = only[0] if len(only) == 1 else None
        field.required = self.only_organization is None
        self.fields["attachments"].label = _("Scanned petition and documents")

    def clean_receiving_organization(self) -> Organization | None:
        return self.cleaned_data.get("receiving_organization") or self.only_organization


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("Tracking code"), max_length=20, help_text=_("For example DV-7K3M-Q9XA."), strip=True
    )
    secret = forms.CharField(
        label=_("Secret key"),
        max_length=100,
        help_text=_("The part after “?s=” in your private link."),
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
    )


class RateForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How satisfied are you with the handling?"),
        coerce=int,
        choices=[
            ("", _("Choose…")),
            (5, _("5 — very satisfied")),
            (4, _("4 — satisfied")),
            (3, _("3 — neither satisfied nor dissatisfied")),
            (2, _("2 — dissatisfied")),
            (1, _("1 — very dissatisfied")),
        ],
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("What is not resolved?"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
