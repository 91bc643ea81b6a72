"""Reads of the deadline engine, scoped to the user: "My deadlines" (Hạn xử lý của tôi) and its counts.

"Mine" are the open deadlines whose responsible officer is the user, whatever the module. A unit head
may look at the open deadlines of the organisations they head (``scope="unit"``), the ones no officer
is assigned to yet included; the scope is ignored for anyone else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, QuerySet, Value, When

from danvan.accounts.models import Role, User
from danvan.accounts.selectors import user_memberships
from danvan.calendar.display import Badge, badge
from danvan.calendar.kinds import RecordLink, describe_deadlines, key_label
from danvan.calendar.models_deadlines import Deadline, DeadlineState
from danvan.calendar.selectors import DeadlineStatus, deadline_status

# Far enough ahead to cover "3 working days" across the longest holiday (Tết).
LOOKAHEAD_DAYS = 14
SCOPE_MINE = "mine"
SCOPE_UNIT = "unit"


@dataclass(frozen=True)
class DeadlineRow:
    deadline: Deadline
    record: RecordLink
    label: str  # the step, the milestone …
    badge: Badge


@dataclass(frozen=True)
class DeadlineCounts:
    overdue: int
    due_soon: int


def headed_organization_ids(*, user: User) -> list[int]:
    return sorted({m.organization_id for m in user_memberships(user=user) if m.role == Role.UNIT_HEAD})


def can_see_unit(*, user: User) -> bool:
    return bool(headed_organization_ids(user=user))


def _open_deadlines(*, user: User, scope: str) -> QuerySet[Deadline]:
    rows = Deadline.objects.filter(state=DeadlineState.OPEN)
    heads = headed_organization_ids(user=user) if scope == SCOPE_UNIT else []
    if heads:
        return rows.filter(organization_id__in=heads)
    return rows.filter(responsible=user)


def my_deadlines(*, user: User, scope: str = SCOPE_MINE) -> QuerySet[Deadline]:
    """Open deadlines by urgency: the running ones first, overdue before due soonest, the suspended last."""
    return (
        _open_deadlines(user=user, scope=scope)
        .annotate(
            suspended=Case(When(paused_on__isnull=True, then=Value(0)), default=Value(1), output_field=IntegerField())
        )
        .select_related("responsible")
        .order_by("suspended", "due_on", "pk")
    )


def deadline_rows(deadlines: list[Deadline], *, today: dt.date) -> list[DeadlineRow]:
    """What to show of each deadline: its record (one query per kind), its name, its urgency."""
    records = describe_deadlines(deadlines)
    return [
        DeadlineRow(
            deadline,
            records[deadline.pk],
            key_label(deadline),
            badge(due=deadline.due_on, today=today, paused=deadline.paused_on is not None),
        )
        for deadline in deadlines
    ]


def my_deadline_counts(*, user: User, today: dt.date) -> DeadlineCounts:
    """Overdue and due-soon deadlines the user is responsible for, in one query (for the navigation): the
    number per due date up to the look-ahead of the reminders; the working-day calendar is read only when
    one of them is not overdue yet (``deadline_status``: at most ``DUE_SOON_THRESHOLD`` working days left)."""
    per_day = (
        Deadline.objects.filter(
            state=DeadlineState.OPEN,
            paused_on__isnull=True,
            responsible=user,
            due_on__lte=today + dt.timedelta(days=LOOKAHEAD_DAYS),
        )
        .values_list("due_on")
        .annotate(n=Count("pk"))
        .order_by()
    )
    overdue = soon = 0
    for due_on, n in per_day:
        if due_on < today:
            overdue += n
        elif deadline_status(today=today, due=due_on) == DeadlineStatus.DUE_SOON:
            soon += n
    return DeadlineCounts(overdue=overdue, due_soon=soon)
