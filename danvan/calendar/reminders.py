"""The one reminder scan of the deadline engine, for every kind of record.

The responsible officer and the heads of the owning organisation hear of due-soon and overdue deadlines,
in the app and by e-mail (or in their daily digest, per their preference), once per deadline per threshold.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from danvan.accounts.models import Role, User
from danvan.calendar.kinds import RecordLink, describe_deadlines, key_label
from danvan.calendar.models_deadlines import Deadline, DeadlineState
from danvan.calendar.selectors import DeadlineStatus, deadline_status, working_days_left
from danvan.calendar.selectors_deadlines import LOOKAHEAD_DAYS
from danvan.notifications.services import Message, notify

CHUNK = 500


@dataclass(frozen=True)
class ScanResult:
    checked: int
    due_soon: int
    overdue: int
    notifications: int


class _Recipients:
    """The heads of each organisation, read once per scan."""

    def __init__(self) -> None:
        self.heads: dict[int, list[User]] = {}

    def of(self, deadline: Deadline) -> list[User]:
        if deadline.organization_id not in self.heads:
            self.heads[deadline.organization_id] = list(
                User.objects.filter(
                    memberships__organization_id=deadline.organization_id,
                    memberships__role=Role.UNIT_HEAD,
                    memberships__is_active=True,
                    is_active=True,
                ).distinct()
            )
        people = {u.pk: u for u in self.heads[deadline.organization_id]}
        responsible = deadline.responsible
        if responsible is not None and responsible.is_active:
            people[responsible.pk] = responsible
        return list(people.values())


def _message(deadline: Deadline, record: RecordLink, status: str, left: int) -> Message:
    step = key_label(deadline)
    if status == DeadlineStatus.OVERDUE:
        title = _("Overdue: %(code)s — %(step)s (due %(due)s)") % {
            "code": record.label,
            "step": step,
            "due": deadline.due_on.strftime("%d/%m/%Y"),
        }
    else:
        title = _("Due soon: %(code)s — %(step)s, %(left)s working days left") % {
            "code": record.label,
            "step": step,
            "left": left,
        }
    body = _("Legal basis: %(citation)s.") % {"citation": deadline.citation or deadline.rule_code}
    return Message(key=f"deadline:{deadline.pk}:{status}", title=title, body=body, url=record.url)


def _announce(deadline: Deadline, status: str, today: dt.date, record: RecordLink, people: _Recipients) -> int | None:
    """Notify once for this threshold; the number of notifications, or None when another scan did it."""
    with transaction.atomic():
        locked = Deadline.objects.select_for_update().get(pk=deadline.pk)
        flag = "notified_overdue" if status == DeadlineStatus.OVERDUE else "notified_soon"
        if getattr(locked, flag) or locked.state != DeadlineState.OPEN or locked.paused_on is not None:
            return None
        message = _message(deadline, record, status, working_days_left(today=today, due=deadline.due_on))
        sent = sum(1 for user in people.of(deadline) if notify(user=user, message=message) is not None)
        setattr(locked, flag, True)
        locked.save(update_fields=[flag])
    return sent


def scan_deadlines(*, today: dt.date) -> ScanResult:
    """Idempotent: a deadline is announced once as due soon and once as overdue, whatever the schedule.
    Suspended deadlines are quiet: their clock stands still."""
    checked = due_soon = overdue = sent = 0
    candidates = (
        Deadline.objects.filter(
            state=DeadlineState.OPEN,
            paused_on__isnull=True,
            notified_overdue=False,
            due_on__lte=today + dt.timedelta(days=LOOKAHEAD_DAYS),
        )
        .select_related("responsible")
        .order_by("due_on", "pk")
    )
    people = _Recipients()
    with translation.override("vi"):
        due: list[tuple[Deadline, DeadlineStatus]] = []
        for deadline in candidates.iterator(chunk_size=CHUNK):
            checked += 1
            status = deadline_status(today=today, due=deadline.due_on)
            if status == DeadlineStatus.ON_TIME or (status == DeadlineStatus.DUE_SOON and deadline.notified_soon):
                continue
            due.append((deadline, status))
        for start in range(0, len(due), CHUNK):
            chunk = due[start : start + CHUNK]
            records = describe_deadlines(d for d, _status in chunk)
            for deadline, status in chunk:
                count = _announce(deadline, status, today, records[deadline.pk], people)
                if count is None:
                    continue
                sent += count
                if status == DeadlineStatus.OVERDUE:
                    overdue += 1
                else:
                    due_soon += 1
    return ScanResult(checked, due_soon, overdue, sent)
