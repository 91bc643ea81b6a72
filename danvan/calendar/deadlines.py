"""The deadline engine: a time limit running on any record, from a rule code to reminders.

Two ways in:

* the audited services of ``danvan.calendar.services_deadlines`` (``deadline_open`` … ``deadline_extend``)
  for an app that has no transition of its own to record;
* the ``track_*`` functions below, for an app whose own service already holds the record's lock and
  writes the audit row of the transition (the petition workflow, see ``danvan.cases.deadlines``): they
  keep the engine's rows in step without a second audit row.

The engine never imports the apps whose records it tracks: each registers how to label and link its
records (``danvan.calendar.kinds``).
"""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, QuerySet

from danvan.calendar.models_deadlines import Deadline, DeadlineState
from danvan.calendar.selectors import DueDate, due_date


def record_filter(record: models.Model) -> dict[str, object]:
    """The lookup of a record's deadlines (the content type is cached by Django after its first read)."""
    content_type = ContentType.objects.get_for_model(record, for_concrete_model=True)
    return {"content_type_id": content_type.pk, "object_id": record.pk}


def deadlines_of_record(record: models.Model) -> QuerySet[Deadline]:
    return Deadline.objects.filter(**record_filter(record))


def compute_due(
    *, rule_code: str, start: dt.date, complex: bool = False, remote: bool = False, extensions: int = 0
) -> DueDate:
    """The due date through the calendar's rules (working days or days, holidays, extensions)."""
    return due_date(rule_code=rule_code, start=start, complex=complex, remote=remote, extensions=extensions)


def track_open(
    *,
    record: models.Model,
    key: str,
    rule_code: str,
    start: dt.date,
    opened_on: dt.date,
    organization_id: int,
    responsible_id: int | None,
    complex: bool = False,
    remote: bool = False,
    extensions: int = 0,
    due_on: dt.date | None = None,
    citation: str = "",
    paused_days_add: int | None = None,
) -> Deadline:
    """Open (or open again, from scratch) the deadline ``key`` of ``record``; reminders start afresh.

    ``due_on`` and ``citation``: the due date when the caller has computed it already through the same rule
    (else computed here). ``paused_days_add``: a resumption re-opening the deadline from a later start adds
    the days of the suspension to the total."""
    if due_on is None:
        due = compute_due(rule_code=rule_code, start=start, complex=complex, remote=remote, extensions=extensions)
        due_on, citation = due.date, due.rule.citation
    values: dict[str, object] = {
        "rule_code": rule_code,
        "complex": complex,
        "remote": remote,
        "extensions": extensions,
        "citation": citation[:300],
        "starts_on": start,
        "due_on": due_on,
        "due_fixed": False,
        "state": DeadlineState.OPEN,
        "paused_on": None,
        "completed_on": None,
        "organization_id": organization_id,
        "responsible_id": responsible_id,
        "notified_soon": False,
        "notified_overdue": False,
    }
    lookup = {**record_filter(record), "key": key}
    # Update, else insert: the caller holds the record's lock (see danvan.cases.deadlines._open_step).
    rows = Deadline.objects.filter(**lookup)
    update = dict(values)
    if paused_days_add is None:
        update.update(opened_on=opened_on, paused_days=0, extension_reason="")
    else:
        update["paused_days"] = F("paused_days") + paused_days_add
    if rows.update(**update):
        return rows.get()
    return Deadline.objects.create(**lookup, **values, opened_on=opened_on)


def track_complete(*, record: models.Model, on: dt.date, keys: list[str] | None = None) -> int:
    """Close the open deadlines of ``record`` (only ``keys`` when given)."""
    rows = deadlines_of_record(record).filter(state=DeadlineState.OPEN)
    if keys is not None:
        rows = rows.filter(key__in=keys)
    return rows.update(state=DeadlineState.DONE, completed_on=on, paused_on=None)


def track_pause(*, record: models.Model, on: dt.date) -> int:
    """Stop the clock of every open deadline of ``record`` (a suspension of the whole case)."""
    return deadlines_of_record(record).filter(state=DeadlineState.OPEN).update(paused_on=on)


def track_assign(*, record: models.Model, organization_id: int, responsible_id: int | None) -> int:
    """The open deadlines of ``record`` follow its new owner (organisation, responsible officer)."""
    return (
        deadlines_of_record(record)
        .filter(state=DeadlineState.OPEN)
        .update(organization_id=organization_id, responsible_id=responsible_id)
    )
