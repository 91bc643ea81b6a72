"""The law app's own rows for the listing (the other apps register theirs in their ``ready()``)."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.law.models import LegalFigure, LegalGround, ReceptionDutyRule, Unit
from danvan.law.registry import RuleRow


def figure_value(rule: LegalFigure) -> str:
    if rule.unit == Unit.SWITCH or rule.value is None:
        return _("in force")
    people = ""
    if rule.people_from or rule.people_to is not None:
        people = " " + (
            _("(groups of %(low)s to %(high)s people)") % {"low": rule.people_from, "high": rule.people_to}
            if rule.people_to is not None
            else _("(groups of %(low)s people or more)") % {"low": rule.people_from}
        )
    return f"{rule.value} {rule.get_unit_display()}{people}"


def law_rows() -> Iterator[RuleRow]:
    for figure in LegalFigure.objects.order_by("code", "people_from", "effective_from"):
        yield RuleRow(
            family=gettext_lazy("legal figure"),
            code=figure.code,
            value=figure_value(figure),
            effective_from=figure.effective_from,
            effective_to=figure.effective_to,
            citation=figure.citation,
            certainty=figure.certainty,
            note=figure.note,
            name=figure.applies_to if not (figure.people_from or figure.people_to) else f"{figure.people_from}+",
        )
    for ground in LegalGround.objects.order_by("list_code", "position", "code", "effective_from"):
        yield RuleRow(
            family=gettext_lazy("legal ground"),
            code=f"{ground.list_code}.{ground.code}",
            value=ground.name,
            effective_from=ground.effective_from,
            effective_to=ground.effective_to,
            citation=ground.citation,
            certainty=ground.certainty,
            note=ground.note,
            name=ground.code,
            group=ground.list_code,
        )
    for duty in ReceptionDutyRule.objects.order_by("position", "effective_from"):
        value = _("%(days)s day(s) per %(period)s") % {"days": duty.days_required, "period": duty.get_period_display()}
        if duty.delegation_allowed:
            value += "; " + _("a deputy may stand in")
        yield RuleRow(
            family=gettext_lazy("reception duty rule"),
            code=f"reception.duty.{duty.position}",
            value=value,
            effective_from=duty.effective_from,
            effective_to=duty.effective_to,
            citation=duty.citation,
            certainty=duty.certainty,
            note=duty.note,
        )
