from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class LawFilterForm(forms.Form):
    on = forms.DateField(
        label=_("In force on"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
