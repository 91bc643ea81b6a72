from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import Organization
from danvan.cases.models import Category, Kind
from danvan.law.models import LegalGround
from danvan.reception.forms.common import DATE, TEXT, TIME, OrganizationField, PersonChoiceField, lines, officers_of
from danvan.reception.models import (
    AdHocCondition,
    HeadPosition,
    ReceptionKind,
    ReceptionPlace,
    ReceptionVisit,
    VisitResult,
    Weekday,
    WeekOfMonth,
)
from danvan.reception.services.visits import PersonData, VisitData

COMPETENCE = [("", _("not yet known")), ("yes", _("yes")), ("no", _("no"))]


class PlaceForm(forms.Form):
    organization = forms.ModelChoiceField(queryset=Organization.objects.none(), label=_("Organisation"))
    name = forms.CharField(label=_("Name"), max_length=200)
    address = forms.CharField(label=_("Address"), max_length=250)

    def __init__(self, *args: Any, organizations: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"] = OrganizationField(organizations)


class ScheduleForm(forms.Form):
    place = forms.ModelChoiceField(queryset=ReceptionPlace.objects.none(), label=_("Place"))
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (ReceptionKind.REGULAR, ReceptionKind.REGULAR.label),
            (ReceptionKind.PERIODIC, ReceptionKind.PERIODIC.label),
        ],
    )
    head = PersonChoiceField(queryset=None, label=_("Head (periodic reception)"), required=False)
    position = forms.ChoiceField(
        label=_("Position of the head"), choices=[("", "—"), *HeadPosition.choices], required=False
    )
    weekday = forms.TypedChoiceField(label=_("Weekday"), choices=Weekday.choices, coerce=int)
    week_of_month = forms.TypedChoiceField(label=_("Which weeks"), choices=WeekOfMonth.choices, coerce=int, initial=0)
    start_time = forms.TimeField(label=_("From"), widget=TIME)
    end_time = forms.TimeField(label=_("Until"), widget=TIME)
    starts_on = forms.DateField(label=_("First day"), widget=DATE)
    ends_on = forms.DateField(label=_("Last day"), widget=DATE, required=False)
    online_booking = forms.BooleanField(label=_("Citizens may book online"), required=False)
    slot_minutes = forms.IntegerField(label=_("Minutes per appointment"), initial=30, min_value=5, max_value=240)
    slot_capacity = forms.IntegerField(label=_("Appointments per time slot"), initial=1, min_value=1, max_value=50)

    def __init__(self, *args: Any, organizations: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        place = self.fields["place"]
        assert isinstance(place, forms.ModelChoiceField)
        place.queryset = ReceptionPlace.objects.filter(organization__in=organizations, is_active=True).select_related(
            "organization"
        )
        head = self.fields["head"]
        assert isinstance(head, forms.ModelChoiceField)
        head.queryset = officers_of(organizations)


class SessionForm(forms.Form):
    place = forms.ModelChoiceField(queryset=ReceptionPlace.objects.none(), label=_("Place"))
    kind = forms.ChoiceField(label=_("Kind"), choices=ReceptionKind.choices)
    held_on = forms.DateField(label=_("Date"), widget=DATE)
    head = PersonChoiceField(queryset=None, label=_("Head whose reception it is"), required=False)
    received_by = PersonChoiceField(
        queryset=None,
        label=_("Received by"),
        required=False,
        help_text=_("Leave empty when the head receives in person. Someone else receiving is a delegation."),
    )
    ad_hoc_conditions = forms.MultipleChoiceField(
        label=_("Conditions of art. 18(3) (ad hoc reception)"),
        choices=AdHocCondition.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    participants = forms.CharField(label=_("Also present"), max_length=300, required=False)

    def __init__(self, *args: Any, organizations: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        place = self.fields["place"]
        assert isinstance(place, forms.ModelChoiceField)
        place.queryset = ReceptionPlace.objects.filter(organization__in=organizations, is_active=True).select_related(
            "organization"
        )
        for name in ("head", "received_by"):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = officers_of(organizations)


class VisitForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    people_count = forms.IntegerField(label=_("Number of people"), min_value=1, max_value=10000, initial=1)
    complainants = forms.CharField(
        label=_("Citizens received"),
        widget=TEXT,
        required=False,
        help_text=_("One per line: full name; personal ID or passport number; address; phone."),
    )
    representatives = forms.CharField(
        label=_("Representatives"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("For a group of 5 or more: the names of the representatives, one per line."),
    )
    content_summary = forms.CharField(label=_("Summary of the content"), widget=TEXT, required=False)
    requests = forms.CharField(label=_("The citizen's requests"), widget=TEXT, required=False)
    previous_handling = forms.CharField(label=_("Agencies that have already dealt with it"), required=False)
    within_competence = forms.ChoiceField(label=_("Within competence"), choices=COMPETENCE, required=False)
    ad_hoc_conditions = forms.MultipleChoiceField(
        label=_("Conditions of art. 18(3)"),
        choices=AdHocCondition.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    result = forms.ChoiceField(label=_("Result"), choices=VisitResult.choices, widget=forms.RadioSelect)
    subject = forms.CharField(label=_("Subject of the new petition"), max_length=250, required=False)
    complaint_round = forms.TypedChoiceField(
        label=_("Complaint round"), choices=[(1, _("first")), (2, _("second"))], coerce=int, initial=1
    )
    respondent_name = forms.CharField(label=_("Person or agency complained about"), max_length=250, required=False)
    location = forms.CharField(label=_("Location"), max_length=250, required=False)
    category = forms.ModelChoiceField(
        queryset=Category.objects.filter(is_active=True), label=_("Category"), required=False
    )
    attach_code = forms.CharField(label=_("Tracking code of the existing petition"), max_length=20, required=False)
    refusal_ground = forms.ChoiceField(label=_("Ground for refusal"), required=False)
    guided_to = forms.CharField(label=_("Guided to (competent body)"), max_length=250, required=False)
    guidance_reference = forms.CharField(label=_("Guidance document no."), max_length=60, required=False)
    notes = forms.CharField(label=_("Notes"), max_length=300, required=False)

    def __init__(self, *args: Any, grounds: QuerySet[LegalGround], language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["refusal_ground"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "—"), *((g.code, f"{g.label(language)} ({g.citation})") for g in grounds)]

    def clean_complainants(self) -> list[PersonData]:
        people = []
        for number, line in enumerate(lines(self.cleaned_data["complainants"]), start=1):
            parts = [part.strip() for part in line.split(";")]
            if len(parts) > 4 or not parts[0]:
                raise forms.ValidationError(
                    _("Line %(n)s: write full name; ID number; address; phone."), params={"n": number}
                )
            parts += [""] * (4 - len(parts))
            people.append(PersonData(full_name=parts[0], personal_id=parts[1], address=parts[2], phone=parts[3]))
        return people

    def to_data(self) -> VisitData:
        data = self.cleaned_data
        competence = {"yes": True, "no": False}.get(data.get("within_competence") or "")
        return VisitData(
            kind=data["kind"],
            content_summary=data.get("content_summary", ""),
            result=data["result"],
            people_count=data["people_count"],
            complainants=data["complainants"],
            representative_names=lines(data.get("representatives", "")),
            requests=data.get("requests", ""),
            previous_handling=data.get("previous_handling", ""),
            within_competence=competence,
            ad_hoc_conditions=list(data.get("ad_hoc_conditions") or []),
            subject=data.get("subject", ""),
            complaint_round=data.get("complaint_round") or 1,
            respondent_name=data.get("respondent_name", ""),
            location=data.get("location", ""),
            category=data.get("category"),
            attach_code=data.get("attach_code", ""),
            refusal_ground=data.get("refusal_ground", ""),
            guided_to=data.get("guided_to", ""),
            guidance_reference=data.get("guidance_reference", ""),
            notes=data.get("notes", ""),
        )


class FindForm(forms.Form):
    find = forms.CharField(
        label=_("Find earlier petitions"),
        max_length=100,
        required=False,
        help_text=_("Tracking code, personal ID number, phone or full name."),
    )


class NoticeForm(forms.Form):
    conclusions = forms.CharField(label=_("General conclusions of the head"), widget=TEXT, required=False)

    def __init__(self, *args: Any, visits: list[ReceptionVisit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.visits = visits
        for visit in visits:
            self.fields[f"direction_{visit.pk}"] = forms.CharField(
                label=_("Direction on visit no. %(serial)s") % {"serial": visit.serial},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                initial=visit.direction,
            )

    def directions(self) -> dict[int, str]:
        return {v.pk: self.cleaned_data.get(f"direction_{v.pk}", "") for v in self.visits}


class RegisterFilterForm(forms.Form):
    organization = forms.ModelChoiceField(queryset=Organization.objects.none(), label=_("Organisation"), required=False)
    start = forms.DateField(label=_("From"), widget=DATE, required=False)
    end = forms.DateField(label=_("To"), widget=DATE, required=False)

    def __init__(self, *args: Any, organizations: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"] = OrganizationField(organizations, required=False)

    def period(self, today: dt.date) -> tuple[dt.date, dt.date]:
        data = self.cleaned_data if self.is_valid() else {}
        start = data.get("start") or dt.date(today.year, 1, 1)
        end = data.get("end") or today
        return (start, end) if start <= end else (end, start)


class BookingForm(forms.Form):
    slot = forms.CharField(label=_("Date and time"), widget=forms.RadioSelect)
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    phone = forms.CharField(label=_("Phone number"), max_length=20)
    kind = forms.ChoiceField(label=_("What you want to present"), choices=Kind.choices)
    subject = forms.CharField(label=_("In a few words"), max_length=250)
    people_count = forms.IntegerField(label=_("Number of people coming"), min_value=1, max_value=500, initial=1)

    def __init__(self, *args: Any, slots: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The service checks the slot (free, bookable): a slot taken meanwhile gets its own message.
        widget = self.fields["slot"].widget
        assert isinstance(widget, forms.RadioSelect)
        widget.choices = slots

    def clean_slot(self) -> tuple[int, dt.date, dt.time]:
        try:
            schedule, day, time = self.cleaned_data["slot"].split("|")
            return int(schedule), dt.date.fromisoformat(day), dt.time.fromisoformat(time)
        except ValueError:
            raise forms.ValidationError(_("Choose a date and time from the list.")) from None
