from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import Organization, User

DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
TIME = forms.TimeInput(format="%H:%M", attrs={"type": "time"})
TEXT = forms.Textarea(attrs={"rows": 3})


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name())


class OrganizationField(forms.ModelChoiceField):
    def __init__(self, queryset: QuerySet[Organization], **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Organisation"))
        super().__init__(queryset=queryset, **kwargs)


def officers_of(organizations: QuerySet[Organization]) -> QuerySet[User]:
    return (
        User.objects.filter(memberships__organization__in=organizations, memberships__is_active=True, is_active=True)
        .distinct()
        .order_by("full_name", "pk")
    )


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]
