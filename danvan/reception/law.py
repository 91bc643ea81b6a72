"""Reception's reads of the law as data (duty rules, legal figures, refusal grounds: ``danvan.law``) and of the
platform's thresholds.

Every figure comes from a versioned row with its citation; nothing here is a legal number.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from danvan.law import selectors as law
from danvan.law.errors import RuleNotInForce
from danvan.law.models import LegalFigure, LegalGround, ReceptionDutyRule
from danvan.law.selectors import (  # noqa: F401  (reception's callers read them here)
    NoticeRule,
    RepresentativeLimits,
    dialogue_notice_rule,
    dialogue_notice_shortfall,
    representative_limits,
)
from danvan.reception.models import ComplexCriterion, Threshold

CROWD = "reception.crowd_min_people"
REFUSAL = "reception.refusal"
COMPLEXITY = "case.complexity_criteria"

# What each threshold means, in the interface's language (the rows hold the values).
THRESHOLD_LABELS = {
    "hotspot-window-days": _("Recent window, in days"),
    "hotspot-baseline-days": _("Baseline before the window, in days"),
    "hotspot-surge-min-petitions": _("Smallest number of petitions on the same matter in the window"),
    "hotspot-surge-ratio": _("How many times the usual volume counts as a surge"),
    "hotspot-crowd-people": _("A crowd petition of at least this many people is a hotspot"),
    "hotspot-crowd-petitions": _("This many crowd petitions in the window is a hotspot"),
    "hotspot-repeat-petitions": _("Petitions by the same person after an answer"),
    "hotspot-overdue-crowd-cases": _("Overdue cases involving crowds"),
    "complex-prolonged-days": _("A case open longer than this many days is prolonged"),
}


def duty_rule_in_force(*, position: str, day: dt.date) -> ReceptionDutyRule | None:
    return law.duty_rule_in_force(position=position, day=day)


def duty_rules() -> list[ReceptionDutyRule]:
    return law.duty_rules()


def reception_rule(*, code: str, day: dt.date, people: int = 0) -> LegalFigure | None:
    return law.figure_rule(code, on=day, people=people)


def crowd_min_people(*, day: dt.date) -> int:
    """From how many people a group is a crowd (đông người)."""
    return law.figure(CROWD, on=day)


def online_booking_rule(*, day: dt.date) -> LegalFigure | None:
    """The rule allowing online reception on ``day``, if any is in force."""
    return reception_rule(code="reception.online_booking", day=day)


def minutes_copies(*, day: dt.date) -> int | None:
    rule = reception_rule(code="dialogue.minutes_copies", day=day)
    return rule.value if rule else None


def refusal_grounds(*, day: dt.date) -> QuerySet[LegalGround]:
    try:
        return law.grounds(REFUSAL, on=day)
    except RuleNotInForce:
        return LegalGround.objects.none()


def complexity_criteria(*, day: dt.date) -> QuerySet[LegalGround]:
    """The legal criteria of a complex case in force on ``day`` (none in force: an empty list)."""
    try:
        return law.grounds(COMPLEXITY, on=day)
    except RuleNotInForce:
        return LegalGround.objects.none()


def criterion_label(code: str, *, language: str) -> str:
    """A recorded criterion's name: the platform's "prolonged", else the law list's (any version)."""
    if code in ComplexCriterion.values:
        with translation.override(language):
            return str(ComplexCriterion(code).label)
    return law.ground_label(code, language=language)


def threshold(code: str) -> float:
    return Threshold.objects.get(code=code).value


def thresholds() -> dict[str, float]:
    return dict(Threshold.objects.values_list("code", "value"))
