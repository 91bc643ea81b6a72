"""Reads of the reception law as data (duty rules, legal figures, refusal grounds) and of the thresholds.

Every figure comes from a versioned row with its citation; nothing here is a legal number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from danvan.reception.models import ReceptionDutyRule, ReceptionRule, RefusalGround, Threshold

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


def _in_force(rows: QuerySet, day: dt.date) -> QuerySet:
    return rows.filter(effective_from__lte=day).filter(Q(effective_to__isnull=True) | Q(effective_to__gt=day))


def duty_rule_in_force(*, position: str, day: dt.date) -> ReceptionDutyRule | None:
    return _in_force(ReceptionDutyRule.objects.filter(position=position), day).order_by("-effective_from").first()


def duty_rules() -> list[ReceptionDutyRule]:
    return list(ReceptionDutyRule.objects.order_by("position", "effective_from"))


def reception_rule(*, code: str, day: dt.date, people: int = 0) -> ReceptionRule | None:
    rows = _in_force(ReceptionRule.objects.filter(code=code), day).order_by("-people_from", "-effective_from")
    return next((row for row in rows if row.applies_to(people)), None)


def crowd_min_people(*, day: dt.date) -> int:
    """From how many people a group is a crowd (đông người)."""
    rule = reception_rule(code="crowd.min_people", day=day)
    if rule is None or rule.value is None:
        raise LookupError("No rule crowd.min_people in force: seed the reception rules.")
    return rule.value


@dataclass(frozen=True)
class RepresentativeLimits:
    minimum: int
    maximum: int | None  # None: the law sets no maximum for this group size
    citation: str


def representative_limits(*, people: int, day: dt.date) -> RepresentativeLimits:
    low = reception_rule(code="representatives.min", day=day, people=people)
    high = reception_rule(code="representatives.max", day=day, people=people)
    cited = high or low
    return RepresentativeLimits(
        minimum=(low.value or 0) if low else 0,
        maximum=high.value if high else None,
        citation=cited.citation if cited else "",
    )


def online_booking_rule(*, day: dt.date) -> ReceptionRule | None:
    """The rule allowing online reception on ``day``, if any is in force."""
    return reception_rule(code="online.booking", day=day)


def minutes_copies(*, day: dt.date) -> int | None:
    rule = reception_rule(code="dialogue.minutes_copies", day=day)
    return rule.value if rule else None


@dataclass(frozen=True)
class NoticeRule:
    days: int
    citation: str


def dialogue_notice_rule(*, notice_on: dt.date) -> NoticeRule | None:
    """The minimum notice before a dialogue, for a notice sent on ``notice_on`` (None: no figure in force)."""
    rule = reception_rule(code="dialogue.notice_days", day=notice_on)
    return NoticeRule(days=rule.value, citation=rule.citation) if rule and rule.value else None


def dialogue_notice_shortfall(*, notice_on: dt.date, held_on: dt.date) -> str | None:
    """Why a dialogue held on ``held_on`` comes too soon after a notice sent on ``notice_on`` (the message, with
    the figure and its citation), or ``None`` if the notice is long enough or no figure is in force."""
    rule = dialogue_notice_rule(notice_on=notice_on)
    if rule is None or (held_on - notice_on).days >= rule.days:
        return None
    return gettext(
        "The parties must be notified at least %(days)s days before the dialogue (%(citation)s): "
        "notice on %(notice)s, dialogue on %(held)s."
    ) % {
        "days": rule.days,
        "citation": rule.citation,
        "notice": notice_on.strftime("%d/%m/%Y"),
        "held": held_on.strftime("%d/%m/%Y"),
    }


def refusal_grounds(*, day: dt.date) -> QuerySet[RefusalGround]:
    return _in_force(RefusalGround.objects.all(), day).order_by("position", "code")


def threshold(code: str) -> float:
    return Threshold.objects.get(code=code).value


def thresholds() -> dict[str, float]:
    return dict(Threshold.objects.values_list("code", "value"))
