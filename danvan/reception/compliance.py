"""Did each head receive citizens in person as often as the law in force required?

Periods: a duty "per week" is checked on calendar weeks (Monday–Sunday), a duty "per month" on calendar months.
The rule that applies to a period is the version in force on the period's first day (its Monday, or the 1st);
a period belongs to a rule only when that rule is counted in that kind of period. So across the change of
1 July 2026 for commune chairmen, the week of Monday 29 June 2026 is still checked under "1 day a week", and
July 2026 under "2 days a month"; a reception on 1–5 July counts for both.

A day counts when the head received in person at a periodic session. A day received by someone else in the
head's place (delegation) counts only when the rule allows delegation; otherwise it is flagged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from danvan.accounts.models import Organization, Role, User
from danvan.law.models import ReceptionDutyRule
from danvan.reception.law import duty_rule_in_force
from danvan.reception.models import (
    DutyPeriod,
    HeadPosition,
    ReceptionKind,
    ReceptionSchedule,
    ReceptionSession,
)
from danvan.reception.services.sessions import default_position


@dataclass(frozen=True)
class PeriodCheck:
    start: dt.date
    end: dt.date
    rule: ReceptionDutyRule
    held: tuple[dt.date, ...]
    delegated: tuple[dt.date, ...]
    finished: bool

    @property
    def counted(self) -> int:
        days = set(self.held) | (set(self.delegated) if self.rule.delegation_allowed else set())
        return len(days)

    @property
    def missed(self) -> int:
        return max(0, self.rule.days_required - self.counted) if self.finished else 0

    @property
    def forbidden_delegations(self) -> tuple[dt.date, ...]:
        return () if self.rule.delegation_allowed else self.delegated

    @property
    def ok(self) -> bool:
        return self.missed == 0 and not self.forbidden_delegations


@dataclass
class HeadCheck:
    head: User
    position: str
    has_schedule: bool
    periods: list[PeriodCheck] = field(default_factory=list)

    @property
    def position_label(self) -> str:
        return str(HeadPosition(self.position).label) if self.position in HeadPosition.values else self.position

    @property
    def missed(self) -> int:
        return sum(p.missed for p in self.periods)

    @property
    def forbidden_delegations(self) -> int:
        return sum(len(p.forbidden_delegations) for p in self.periods)


def _month_end(day: dt.date) -> dt.date:
    following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def duty_periods(*, position: str, start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date, ReceptionDutyRule]]:
    """The checking periods that overlap ``start``–``end``, each with the rule in force on its first day."""
    periods = []
    monday = start - dt.timedelta(days=start.weekday())
    while monday <= end:
        rule = duty_rule_in_force(position=position, day=monday)
        if rule is not None and rule.period == DutyPeriod.WEEK:
            periods.append((monday, monday + dt.timedelta(days=6), rule))
        monday += dt.timedelta(days=7)
    first = start.replace(day=1)
    while first <= end:
        rule = duty_rule_in_force(position=position, day=first)
        if rule is not None and rule.period == DutyPeriod.MONTH:
            periods.append((first, _month_end(first), rule))
        first = _month_end(first) + dt.timedelta(days=1)
    return sorted(periods, key=lambda p: (p[0], p[1]))


def check_head(
    *, organization: Organization, head: User, position: str, start: dt.date, end: dt.date, today: dt.date
) -> list[PeriodCheck]:
    sessions = ReceptionSession.objects.filter(
        organization=organization, head=head, kind=ReceptionKind.PERIODIC, held_on__gte=start - dt.timedelta(days=6)
    ).values_list("held_on", "received_by_id")
    held = sorted({day for day, receiver in sessions if receiver == head.pk})
    delegated = sorted({day for day, receiver in sessions if receiver != head.pk})
    checks = []
    for period_start, period_end, rule in duty_periods(position=position, start=start, end=min(end, today)):
        checks.append(
            PeriodCheck(
                start=period_start,
                end=period_end,
                rule=rule,
                held=tuple(d for d in held if period_start <= d <= period_end),
                delegated=tuple(d for d in delegated if period_start <= d <= period_end),
                finished=period_end < today,
            )
        )
    return checks


def organization_compliance(
    *, organization: Organization, start: dt.date, end: dt.date, today: dt.date
) -> list[HeadCheck]:
    """Every head with a periodic reception duty in the organisation: those with a periodic schedule, and the
    heads of an organisation whose kind carries a duty (even without a schedule, which is itself a gap)."""
    heads: dict[int, HeadCheck] = {}
    schedules = ReceptionSchedule.objects.filter(
        organization=organization, kind=ReceptionKind.PERIODIC, head__isnull=False
    ).select_related("head")
    for schedule in schedules.order_by("starts_on"):
        assert schedule.head is not None
        heads.setdefault(schedule.head.pk, HeadCheck(schedule.head, schedule.position, True))
    position = default_position(organization)
    if position:
        members = User.objects.filter(
            memberships__organization=organization, memberships__role=Role.UNIT_HEAD, memberships__is_active=True
        ).distinct()
        for user in members.order_by("full_name", "pk"):
            heads.setdefault(user.pk, HeadCheck(user, position, False))
    for check in heads.values():
        check.periods = check_head(
            organization=organization, head=check.head, position=check.position, start=start, end=end, today=today
        )
    return list(heads.values())
