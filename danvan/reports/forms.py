"""The report filter (scope and period) and the narrative draft."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from danvan.reports.periods import CUSTOM, Period, custom_period, parse_period, period_choices
from danvan.reports.selectors.scope import ReportScope

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT_LIMIT = 20_000


class ReportFilterForm(forms.Form):
    scope = forms.ChoiceField(label=_("Report on"))
    period = forms.ChoiceField(label=pgettext_lazy("reporting", "Period"))
    start = forms.DateField(label=_("From"), required=False, widget=DATE_INPUT)
    end = forms.DateField(label=_("To"), required=False, widget=DATE_INPUT)

    def __init__(self, *args: Any, scopes: list[ReportScope], today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kinds = {"p": _("Province"), "c": _("Commune"), "o": _("Organisation")}
        self.fields["scope"].choices = [  # type: ignore[attr-defined]
            (scope.code, f"{kinds[scope.kind]}: {scope.name}") for scope in scopes
        ]
        self.periods = period_choices(today=today)
        choices = [(p.code, p.label) for p in self.periods] + [(CUSTOM, _("Custom period (dates below)"))]
        self.fields["period"].choices = choices  # type: ignore[attr-defined]
        self.resolved: Period | None = None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        code = data.get("period")
        try:
            if code == CUSTOM:
                if not data.get("start") or not data.get("end"):
                    raise ValueError(_("Give both dates of a custom period."))
                self.resolved = custom_period(data["start"], data["end"])
            elif code:
                self.resolved = parse_period(code)
        except ValueError as exc:
            self.add_error("period" if code != CUSTOM else "end", str(exc))
        return data


class DraftForm(forms.Form):
    results = forms.CharField(
        label=_("Results"),
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("One paragraph per line. The figures are filled in automatically."),
    )
    shortcomings = forms.CharField(
        label=_("Shortcomings and limitations"),
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    proposals = forms.CharField(
        label=_("Proposals and recommendations"),
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    recipients = forms.CharField(
        label=_("Recipients"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One recipient per line; the archive line is added."),
    )
    signer_name = forms.CharField(label=_("Signer"), required=False, max_length=150)
