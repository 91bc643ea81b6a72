"""Writes of the deadline engine for any record: open, complete, suspend, resume, extend.

Each service runs in one transaction with the deadline's row locked and writes one audit row. Permission
checks belong to the adapters of the app that owns the record.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import models, transaction

from danvan.audit.services import audit_record
from danvan.calendar.deadlines import compute_due, deadlines_of_record, track_open
from danvan.calendar.errors import DeadlineErrorCode, deadline_error
from danvan.calendar.models_deadlines import Deadline, DeadlineState
from danvan.calendar.workdays import roll_forward
from danvan.core.text import normalize

if TYPE_CHECKING:
    from danvan.accounts.models import Organization, User


def _locked(deadline: Deadline) -> Deadline:
    return Deadline.objects.select_for_update().get(pk=deadline.pk)


def _audit(actor: User | None, action: str, deadline: Deadline, **data: object) -> None:
    audit_record(
        actor=actor,
        action=f"legal_calendar.deadline_{action}",
        target=deadline,
        organization_id=deadline.organization_id,
        data={
            "record": f"{deadline.content_type.app_label}.{deadline.content_type.model}:{deadline.object_id}",
            "key": deadline.key,
            "due_on": deadline.due_on.isoformat(),
            **data,
        },
    )


@transaction.atomic
def deadline_open(
    *,
    actor: User | None,
    record: models.Model,
    key: str,
    rule_code: str,
    start: dt.date,
    organization: Organization,
    responsible: User | None = None,
    complex: bool = False,
    remote: bool = False,
) -> Deadline:
    """Open the deadline ``key`` of ``record``, due by the rule ``rule_code`` counted from ``start``.
    A completed deadline of the same key opens again from scratch; an open one is refused."""
    if deadlines_of_record(record).filter(key=key, state=DeadlineState.OPEN).exists():
        raise deadline_error(DeadlineErrorCode.DEADLINE_EXISTS, key=key)
    deadline = track_open(
        record=record,
        key=key,
        rule_code=rule_code,
        start=start,
        opened_on=start,
        organization_id=organization.pk,
        responsible_id=responsible.pk if responsible is not None else None,
        complex=complex,
        remote=remote,
    )
    _audit(actor, "opened", deadline, rule=rule_code, starts_on=start.isoformat())
    return deadline


def _open_locked(deadline: Deadline) -> Deadline:
    locked = _locked(deadline)
    if locked.state != DeadlineState.OPEN:
        raise deadline_error(DeadlineErrorCode.DEADLINE_CLOSED)
    return locked


@transaction.atomic
def deadline_complete(*, actor: User | None, deadline: Deadline, on: dt.date) -> Deadline:
    deadline = _open_locked(deadline)
    if on < deadline.opened_on:
        raise deadline_error(DeadlineErrorCode.DATE_BEFORE, date=deadline.opened_on.strftime("%d/%m/%Y"))
    deadline.state, deadline.completed_on, deadline.paused_on = DeadlineState.DONE, on, None
    deadline.save(update_fields=["state", "completed_on", "paused_on"])
    _audit(actor, "completed", deadline, completed_on=on.isoformat())
    return deadline


@transaction.atomic
def deadline_pause(*, actor: User | None, deadline: Deadline, on: dt.date, reason: str = "") -> Deadline:
    """Stop the clock: the days from ``on`` to the resumption do not count."""
    deadline = _open_locked(deadline)
    if deadline.paused_on is not None:
        raise deadline_error(DeadlineErrorCode.DEADLINE_PAUSED)
    if on < deadline.starts_on:
        raise deadline_error(DeadlineErrorCode.DATE_BEFORE, date=deadline.starts_on.strftime("%d/%m/%Y"))
    deadline.paused_on = on
    deadline.save(update_fields=["paused_on"])
    _audit(actor, "paused", deadline, paused_on=on.isoformat(), reason=normalize(reason))
    return deadline


@transaction.atomic
def deadline_resume(*, actor: User | None, deadline: Deadline, on: dt.date) -> Deadline:
    """Start the clock again: the days already used count, the days of the suspension are added back.
    The due date is the rule's from a start moved forward by the suspension (like a suspended petition,
    NĐ 155/2026 art. 28b); a due date set by an extension moves forward by the same days."""
    deadline = _open_locked(deadline)
    if deadline.paused_on is None:
        raise deadline_error(DeadlineErrorCode.DEADLINE_NOT_PAUSED)
    if on < deadline.paused_on:
        raise deadline_error(DeadlineErrorCode.DATE_BEFORE, date=deadline.paused_on.strftime("%d/%m/%Y"))
    shift = dt.timedelta(days=(on - deadline.paused_on).days)
    deadline.starts_on += shift
    if deadline.due_fixed:
        deadline.due_on = roll_forward(deadline.due_on + shift)
    else:
        deadline.due_on = compute_due(
            rule_code=deadline.rule_code,
            start=deadline.starts_on,
            complex=deadline.complex,
            remote=deadline.remote,
            extensions=deadline.extensions,
        ).date
    deadline.paused_days += shift.days
    deadline.paused_on = None
    deadline.notified_soon = deadline.notified_overdue = False
    deadline.save(
        update_fields=["starts_on", "due_on", "paused_days", "paused_on", "notified_soon", "notified_overdue"]
    )
    _audit(actor, "resumed", deadline, resumed_on=on.isoformat(), days_paused=shift.days)
    return deadline


@transaction.atomic
def deadline_extend(*, actor: User | None, deadline: Deadline, reason: str, due_on: dt.date | None = None) -> Deadline:
    """Extend with a reason: to ``due_on`` when given, else by one more extension of the rule (its
    ``extension_length``, at most ``max_extensions`` times). Reminders start afresh for the new date."""
    reason = normalize(reason)
    if not reason:
        raise deadline_error(DeadlineErrorCode.EXTENSION_REASON_REQUIRED)
    deadline = _open_locked(deadline)
    previous = deadline.due_on
    if due_on is not None:
        if due_on <= previous:
            raise deadline_error(DeadlineErrorCode.EXTENSION_NOT_LATER, date=previous.strftime("%d/%m/%Y"))
        deadline.due_on, deadline.due_fixed = due_on, True
    else:
        due = compute_due(
            rule_code=deadline.rule_code,
            start=deadline.starts_on,
            complex=deadline.complex,
            remote=deadline.remote,
            extensions=deadline.extensions + 1,
        )
        deadline.extensions, deadline.due_on = due.extensions, due.date
    deadline.extension_reason = reason
    deadline.notified_soon = deadline.notified_overdue = False
    deadline.save(
        update_fields=[
            "due_on",
            "due_fixed",
            "extensions",
            "extension_reason",
            "notified_soon",
            "notified_overdue",
        ]
    )
    _audit(actor, "extended", deadline, previous_due_on=previous.isoformat(), reason=reason)
    return deadline
