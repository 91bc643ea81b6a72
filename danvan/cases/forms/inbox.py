"""The inbox: filters and bulk assignment."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.forms.models import ModelChoiceIterator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import User
from danvan.cases.forms.actions import handler_field
from danvan.cases.forms.petition import PersonChoiceField, model_field
from danvan.cases.models import CROWD_RULE, Category, Kind, Status
from danvan.geography.models import AdministrativeUnit
from danvan.law.selectors import figure


class PlainModelChoiceIterator(ModelChoiceIterator):
    """The choices in one ordinary query (Django's default, ``QuerySet.iterator()``, opens a server-side
    cursor on PostgreSQL: three round trips per select on every inbox page)."""

    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


def plain_choices(form: forms.Form, *names: str) -> None:
    for name in names:
        field = model_field(form, name)
        field.iterator = PlainModelChoiceIterator
        field.widget.choices = field.choices


class IntListField(forms.Field):
    widget = forms.MultipleHiddenInput

    def to_python(self, value: Any) -> list[int]:
        values = value if isinstance(value, list | tuple) else ([value] if value else [])
        try:
            return sorted({int(v) for v in values})
        except (TypeError, ValueError):
            raise forms.ValidationError(_("Choose petitions from the list."), code="invalid") from None


class BulkAssignForm(forms.Form):
    prefix = "bulk"  # the inbox's filter form has a "handler" field too
    petitions = IntListField(label=_("Petitions"), error_messages={"required": _("Tick at least one petition.")})
    handler = handler_field()

    def __init__(self, *args: Any, candidates: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_field(self, "handler").queryset = candidates
        plain_choices(self, "handler")


class InboxFilterForm(forms.Form):
    scope = forms.ChoiceField(
        label=_("Show"),
        choices=[("mine", _("My organisation's petitions")), ("all", _("All petitions in my jurisdiction"))],
        required=False,
    )
    q = forms.CharField(label=_("Tracking code or subject"), max_length=100, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All kinds")), *Kind.choices], required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("All statuses")), *Status.choices], required=False)
    category = forms.ModelChoiceField(
        label=_("Subject area"), queryset=Category.objects.all(), required=False, empty_label=_("All subject areas")
    )
    unit = forms.ModelChoiceField(
        label=_("Commune"), queryset=AdministrativeUnit.objects.none(), required=False, empty_label=_("All communes")
    )
    handler = PersonChoiceField(
        label=_("Handler"), queryset=User.objects.none(), required=False, empty_label=_("Any handler")
    )
    due = forms.ChoiceField(
        label=_("Due date"),
        choices=[("", _("Any")), ("due_soon", _("Due soon")), ("overdue", _("Overdue"))],
        required=False,
    )
    crowd = forms.BooleanField(label=_("Crowd petitions only"), required=False)

    def __init__(
        self, *args: Any, units: QuerySet[AdministrativeUnit], handlers: QuerySet[User], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        model_field(self, "unit").queryset = units
        model_field(self, "handler").queryset = handlers
        plain_choices(self, "category", "unit", "handler")
        people = figure(CROWD_RULE, on=timezone.localdate())
        self.fields["crowd"].label = _("Crowd petitions only (%(people)s people or more)") % {"people": people}
