from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import Organization
from danvan.reception import law
from danvan.reception.forms.common import DATE, TEXT, OrganizationField, PersonChoiceField, lines, officers_of
from danvan.reception.models import MilestoneStatus


class ComplexForm(forms.Form):
    organization = forms.ModelChoiceField(queryset=Organization.objects.none())
    title = forms.CharField(label=_("Title"), max_length=250)
    summary = forms.CharField(label=_("Summary (internal)"), widget=TEXT)
    criteria = forms.MultipleChoiceField(
        label=_("Criteria"),
        choices=[],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("“Prolonged” and “many complainants” are added from the data when they apply."),
    )
    opened_on = forms.DateField(
        label=_("Arose on"), widget=DATE, required=False, help_text=_("Empty: the date of the earliest petition.")
    )
    leader = PersonChoiceField(queryset=None, label=_("Leader in charge"))
    petitions = forms.CharField(
        label=_("Tracking codes of its petitions"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("One per line."),
    )
    public_summary = forms.CharField(label=_("Public summary"), widget=TEXT, required=False)
    is_public = forms.BooleanField(label=_("Publish the summary and the roadmap"), required=False)

    def __init__(self, *args: Any, organizations: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"] = OrganizationField(organizations, label=_("Responsible organisation"))
        language = get_language() or "vi"
        criteria = law.complexity_criteria(day=timezone.localdate())
        self.fields["criteria"].choices = [(c.code, c.label(language)) for c in criteria]  # type: ignore[attr-defined]
        leader = self.fields["leader"]
        assert isinstance(leader, forms.ModelChoiceField)
        leader.queryset = officers_of(organizations)

    def codes(self) -> list[str]:
        return [code.upper() for code in lines(self.cleaned_data.get("petitions", ""))]


class LinkPetitionForm(forms.Form):
    tracking_code = forms.CharField(label=_("Tracking code"), max_length=20)


class LinkVisitForm(forms.Form):
    case = forms.IntegerField(label=_("Complex case"))


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=250)
    owner = forms.ModelChoiceField(queryset=Organization.objects.none(), label=_("Owner organisation"))
    due_on = forms.DateField(label=_("Due on"), widget=DATE)

    def __init__(self, *args: Any, organizations: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"] = OrganizationField(organizations, label=_("Owner organisation"))


class MilestoneUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=MilestoneStatus.choices)
    evidence = forms.CharField(label=_("Evidence"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    done_on = forms.DateField(label=_("Done on"), widget=DATE, required=False)


class RoadmapForm(forms.Form):
    leader = PersonChoiceField(queryset=None, label=_("Leader in charge"))
    progress = forms.IntegerField(label=_("Progress (%)"))
    public_summary = forms.CharField(label=_("Public summary"), widget=TEXT, required=False)
    is_public = forms.BooleanField(label=_("Publish the summary and the roadmap"), required=False)

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        leader = self.fields["leader"]
        assert isinstance(leader, forms.ModelChoiceField)
        leader.queryset = officers_of(Organization.objects.filter(pk=organization.pk))


class ResolveForm(forms.Form):
    resolved_on = forms.DateField(label=_("Resolved on"), widget=DATE)
    resolved_by = forms.ModelChoiceField(queryset=Organization.objects.none(), label=_("Resolved by"))
    resolution = forms.CharField(label=_("How it was resolved"), widget=TEXT)

    def __init__(self, *args: Any, organizations: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["resolved_by"] = OrganizationField(organizations, label=_("Resolved by"))


class PlanForm(forms.Form):
    organization = forms.ModelChoiceField(queryset=Organization.objects.none())
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    q1 = forms.IntegerField(label=_("Open at the end of Q1"), min_value=0)
    q2 = forms.IntegerField(label=_("Open at the end of Q2"), min_value=0)
    q3 = forms.IntegerField(label=_("Open at the end of Q3"), min_value=0)
    q4 = forms.IntegerField(label=_("Open at the end of Q4"), min_value=0)

    def __init__(self, *args: Any, organizations: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"] = OrganizationField(organizations)

    def targets(self) -> dict[int, int]:
        return {q: self.cleaned_data[f"q{q}"] for q in (1, 2, 3, 4)}


class HotspotAssignForm(forms.Form):
    organization = forms.ModelChoiceField(queryset=Organization.objects.none())
    assignee = PersonChoiceField(queryset=None, label=_("Officer in charge"), required=False)
    note = forms.CharField(label=_("Instructions"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args: Any, organizations: QuerySet[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"] = OrganizationField(organizations, label=_("Assign to"))
        assignee = self.fields["assignee"]
        assert isinstance(assignee, forms.ModelChoiceField)
        assignee.queryset = officers_of(organizations)


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
