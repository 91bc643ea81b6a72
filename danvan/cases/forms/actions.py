"""Forms of the actions on a case page. The prefix is the action's name, so several forms fit on one page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import Organization, User
from danvan.cases.forms.petition import (
    DATE,
    KIND_CHOICES,
    NotFutureDateField,
    PersonChoiceField,
    model_field,
    split_kind,
)
from danvan.cases.grounds import archive_ground_choices
from danvan.cases.hooks import candidate_by_code
from danvan.cases.models import Category, Complexity, Eligibility, Kind, Outcome, Petition
from danvan.cases.selectors import petition_list_for_user
from danvan.cases.services.links import SplitPart
from danvan.cases.services.notes import NOTE_MAX_LENGTH


class ActionForm(forms.Form):
    def __init__(self, *args: Any, petition: Petition, user: User, **kwargs: Any) -> None:
        self.petition, self.user = petition, user
        super().__init__(*args, **kwargs)


def _reason(label: Any = None, *, required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label or _("Reason"), required=required, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


def handler_field() -> PersonChoiceField:
    return PersonChoiceField(label=_("Handler"), queryset=User.objects.none(), empty_label=_("Choose…"))


class ClassifyForm(ActionForm):
    eligible = forms.BooleanField(
        label=_("Eligible for processing (form and content meet the conditions)"), required=False
    )
    within_competence = forms.BooleanField(label=_("Within this organisation's competence"), required=False)
    category = forms.ModelChoiceField(
        label=_("Subject area"),
        queryset=Category.objects.filter(is_active=True),
        required=False,
        empty_label=_("Not sure"),
    )
    reason = _reason(_("Notes"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # What is known already is ticked: a second classification starts from the first.
        self.initial.setdefault("category", self.petition.category_id)
        self.initial.setdefault("eligible", self.petition.eligibility == Eligibility.ELIGIBLE)
        self.initial.setdefault("within_competence", bool(self.petition.within_competence))


class AcceptForm(ActionForm):
    accepted_on = NotFutureDateField(
        label=_("Date of acceptance"), required=False, widget=DATE, help_text=_("Empty: today.")
    )


class ForwardForm(ActionForm):
    to_organization = forms.ModelChoiceField(
        label=_("Competent organisation"), queryset=Organization.objects.none(), empty_label=_("Choose…")
    )
    reason = _reason()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_field(self, "to_organization").queryset = (
            Organization.objects.filter(is_active=True, unit__province_id=self.petition.unit.province_id)
            .exclude(pk=self.petition.handling_organization_id)
            .order_by("name")
        )


class EmptyForm(ActionForm):
    pass


class GuideForm(ActionForm):
    competent_body = forms.CharField(label=_("Competent body"), max_length=250)
    guidance = _reason(_("Guidance to the citizen"), required=True)


class ArchiveForm(ActionForm):
    ground = forms.ChoiceField(label=_("Legal ground"))
    reason = _reason(_("Notes"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        grounds = archive_ground_choices(on=timezone.localdate())
        self.fields["ground"].choices = [("", _("Choose…")), *grounds]  # type: ignore[attr-defined]


class ReasonForm(ActionForm):
    reason = _reason(required=True)


class OptionalReasonForm(ActionForm):
    reason = _reason(_("Notes"))


class HandlerForm(ActionForm):
    handler = handler_field()

    def __init__(self, *args: Any, candidates: list[User] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from danvan.cases.services.workflow import handler_candidates

        people = candidates if candidates is not None else handler_candidates(petition=self.petition)
        model_field(self, "handler").queryset = User.objects.filter(pk__in=[u.pk for u in people]).order_by("full_name")


class VerificationForm(HandlerForm):
    complexity = forms.ChoiceField(label=_("Complexity"), choices=Complexity.choices)


class DialogueForm(ActionForm):
    notified_on = NotFutureDateField(label=_("Parties notified on"), widget=DATE)
    held_on = NotFutureDateField(label=_("Dialogue held on"), widget=DATE)
    minutes = _reason(_("Minutes (summary)"), required=True)


class WithdrawForm(ActionForm):
    scope = forms.ChoiceField(
        label=_("Withdrawal"), choices=[("full", _("The whole petition")), ("partial", _("Part of the petition"))]
    )
    content = _reason(_("What is withdrawn"))


class ConcludeForm(ActionForm):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[])
    answer = _reason(_("Answer to the citizen"), required=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        judged = self.petition.kind in (Kind.COMPLAINT, Kind.DENUNCIATION)
        allowed = [Outcome.RIGHT, Outcome.PARTLY_RIGHT, Outcome.WRONG] if judged else [Outcome.ANSWERED]
        field = self.fields["outcome"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(o.value, o.label) for o in allowed]


class TrackingCodeForm(ActionForm):
    """Another petition by its tracking code: one the user may see, or one the duplicate detector lists for
    this petition (another organisation's of the province, seen as a stub) or the case handling such a one
    (docs/search.md, "Linking across organisations")."""

    code = forms.CharField(label=_("Tracking code of the other petition"), max_length=20)

    def clean_code(self) -> Petition:
        code = self.cleaned_data["code"].strip().upper()
        other = petition_list_for_user(user=self.user).filter(tracking_code=code).first()
        if other is None:
            other = candidate_by_code(user=self.user, petition=self.petition, code=code)
        if other is None:
            raise forms.ValidationError(_("No petition in your jurisdiction has this tracking code."))
        if other.pk == self.petition.pk:
            raise forms.ValidationError(_("Enter the code of another petition."))
        return other


class SplitForm(ActionForm):
    """Up to three parts; at least two filled in."""

    PARTS = 3

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for n in range(1, self.PARTS + 1):
            self.fields[f"kind_{n}"] = forms.ChoiceField(
                label=_("Part %(n)s: kind") % {"n": n}, choices=KIND_CHOICES, required=False
            )
            self.fields[f"subject_{n}"] = forms.CharField(
                label=_("Part %(n)s: subject") % {"n": n}, max_length=250, required=False
            )
            self.fields[f"content_{n}"] = _reason(_("Part %(n)s: content") % {"n": n})

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        parts = []
        for n in range(1, self.PARTS + 1):
            kind, subject, content = data.get(f"kind_{n}"), data.get(f"subject_{n}"), data.get(f"content_{n}")
            if not (kind or subject or content):
                continue
            if not (kind and subject and content):
                self.add_error(f"kind_{n}", _("Fill in the kind, the subject and the content of this part."))
                continue
            kind_value, complaint_round = split_kind(kind)
            parts.append(SplitPart(kind=kind_value, subject=subject, content=content, complaint_round=complaint_round))
        if len(parts) < 2 and not self.errors:
            raise forms.ValidationError(_("A petition is split into at least two parts."))
        data["parts"] = parts
        return data


class NoteForm(forms.Form):
    """An internal note on the case page (not an action: it changes no step)."""

    text = forms.CharField(
        label=_("Internal note"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Internal: only officers who may see this case read it; the citizen never does. "
            "Do not write a denouncer's name or contact details."
        ),
        error_messages={
            "required": _("Write the note."),
            "max_length": _("A note has at most %(limit_value)s characters (this one has %(show_value)s)."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "note")
        super().__init__(*args, **kwargs)
