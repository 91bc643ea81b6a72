from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from danvan.geography.models import Era, Level


class UnitSearchForm(forms.Form):
    q = forms.CharField(label=_("Name of a province, commune or ward"), max_length=200, required=False)
    era = forms.ChoiceField(label=pgettext_lazy("administrative era", "Period"), choices=Era.choices, required=False)
    level = forms.ChoiceField(label=_("Level"), choices=[("", _("All levels")), *Level.choices], required=False)


class RemoteFlagForm(forms.Form):
    is_remote = forms.BooleanField(label=_("Remote or especially difficult area"), required=False)
    basis = forms.CharField(label=_("Legal basis (decision number and date)"), max_length=300, required=False)
