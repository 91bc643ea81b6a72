"""The survey form: five scores from 1 to 5 and an optional comment. No name, no contact."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.feedback.models import CRITERIA
from danvan.feedback.services import COMMENT_LIMIT

SCORES = [
    (1, _("1 — very dissatisfied")),
    (2, _("2 — dissatisfied")),
    (3, _("3 — neither")),
    (4, _("4 — satisfied")),
    (5, _("5 — very satisfied")),
]
OUT_OF_RANGE = _("Choose a score from 1 (very dissatisfied) to 5 (very satisfied).")


class SurveyForm(forms.Form):
    form_token = forms.CharField(widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Comment (optional; do not write your name or contact details)"),
        required=False,
        max_length=COMMENT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, label in CRITERIA:
            self.fields[name] = forms.TypedChoiceField(
                label=label,
                choices=SCORES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": OUT_OF_RANGE, "invalid_choice": OUT_OF_RANGE},
            )
        self.order_fields([name for name, _label in CRITERIA] + ["comment", "form_token"])

    def scores(self) -> dict[str, int]:
        return {name: int(self.cleaned_data[name]) for name, _label in CRITERIA}
