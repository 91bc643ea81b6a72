"""Legal due dates of a petition's steps, computed by ``danvan.calendar`` from the time-limit rules.

Every change to a petition's ``StepDeadline`` rows goes through this module, which keeps
``Petition.earliest_due_on`` (the earliest due date of the running steps, the inbox's urgency) in step:
each function below ends with ``refresh_earliest_due``, except ``intake_step``, which plans the first
step of a petition not saved yet and sets the date on it before the insert (its only running step).

Each step is mirrored in the deadline engine (``danvan.calendar.deadlines``, key = the step), written by
the same function in the same transaction: the engine is the one source of reminders and of "My
deadlines"; ``StepDeadline`` stays the petition's own record of its steps (detail page, API, reports).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import F, Min, OuterRef, Q, QuerySet, Subquery

from danvan.calendar import deadlines as engine
from danvan.cases.models import Complexity, Kind, Petition, StepDeadline

ACCEPT = "accept"
RESOLVE = "resolve"
SEND_DECISION = "send_decision"
PUBLISH = "publish"
FORWARD = "forward"
NOTIFY = "notify"


def intake_rule(petition: Petition) -> tuple[str, str]:
    """The first step after receipt and its rule code."""
    if petition.kind == Kind.COMPLAINT:
        return ACCEPT, "complaint.second.accept" if petition.complaint_round == 2 else "complaint.accept"
    if petition.kind == Kind.DENUNCIATION:
        return ACCEPT, "denunciation.initial"
    return NOTIFY, "reception.notify"


def resolve_rule(petition: Petition) -> str | None:
    if petition.kind == Kind.COMPLAINT:
        return "complaint.second.resolve" if petition.complaint_round == 2 else "complaint.first.resolve"
    if petition.kind == Kind.DENUNCIATION:
        return "denunciation.resolve"
    return None


def send_decision_rule(petition: Petition) -> str:
    """Sending a complaint decision: 3 working days in the first round (art. 32), 7 days in the second (art. 41)."""
    return "complaint.second.decision.send" if petition.complaint_round == 2 else "complaint.decision.send"


def running_steps() -> QuerySet[StepDeadline]:
    """Steps whose clock runs: not completed, not suspended."""
    return StepDeadline.objects.filter(completed_on__isnull=True, paused_on__isnull=True)


def refresh_earliest_due(*, petition: Petition) -> dt.date | None:
    """Recompute ``petition.earliest_due_on`` from its running steps (in the database and on ``petition``).

    ``updated_at`` is left alone: this is bookkeeping of the transition that called it."""
    due = running_steps().filter(petition=petition).aggregate(due=Min("due_on"))["due"]
    Petition.objects.filter(pk=petition.pk).update(earliest_due_on=due)
    petition.earliest_due_on = due
    return due


def earliest_due_expression() -> Subquery:
    """The earliest due date of a petition's running steps computed afresh (for checks and repairs)."""
    return Subquery(running_steps().filter(petition=OuterRef("pk")).order_by("due_on").values("due_on")[:1])


def earliest_due_mismatches() -> QuerySet[Petition]:
    """Petitions whose stored ``earliest_due_on`` differs from a fresh computation (there should be none)."""
    return Petition.objects.annotate(fresh_due=earliest_due_expression()).filter(
        Q(earliest_due_on__isnull=True, fresh_due__isnull=False)
        | Q(earliest_due_on__isnull=False, fresh_due__isnull=True)
        | Q(earliest_due_on__lt=F("fresh_due"))
        | Q(earliest_due_on__gt=F("fresh_due"))
    )


def intake_step(petition: Petition) -> StepDeadline:
    """The first step of a new petition (``intake_rule``), counted from its receipt, as an unsaved row;
    sets ``petition.earliest_due_on`` to its due date. Call it before the petition's insert, then save the
    row once the petition has its id: three statements fewer than ``open_step`` on a new petition."""
    if not petition._state.adding:
        raise ValueError("intake_step is for a petition not saved yet: use open_step")
    step, rule_code = intake_rule(petition)
    values = _step_values(petition=petition, rule_code=rule_code, start=petition.received_on)
    deadline = StepDeadline(step=step, **values)
    petition.earliest_due_on = deadline.due_on
    return deadline


def intake_track(*, petition: Petition, deadline: StepDeadline) -> None:
    """The engine's row of the first step, once the petition and its ``intake_step`` row are saved."""
    _track(petition=petition, deadline=deadline)


def assign(*, petition: Petition) -> None:
    """The open steps follow the petition's handling organisation and handler (reminders, "My deadlines")."""
    engine.track_assign(
        record=petition, organization_id=petition.handling_organization_id, responsible_id=petition.handler_id
    )


def _track(*, petition: Petition, deadline: StepDeadline, paused_days_add: int | None = None) -> None:
    engine.track_open(
        record=petition,
        key=deadline.step,
        rule_code=deadline.rule_code,
        start=deadline.starts_on,
        opened_on=deadline.starts_on,
        organization_id=petition.handling_organization_id,
        responsible_id=petition.handler_id,
        complex=petition.complexity != Complexity.SIMPLE,
        remote=petition.is_remote,
        extensions=petition.extensions if deadline.rule_code == "denunciation.resolve" else 0,
        due_on=deadline.due_on,
        citation=deadline.citation,
        paused_days_add=paused_days_add,
    )


def open_step(*, petition: Petition, step: str, rule_code: str, start: dt.date) -> StepDeadline:
    deadline = _open_step(petition=petition, step=step, rule_code=rule_code, start=start)
    refresh_earliest_due(petition=petition)
    return deadline


def _step_values(*, petition: Petition, rule_code: str, start: dt.date) -> dict[str, object]:
    from danvan.calendar.selectors import due_date

    due = due_date(
        rule_code=rule_code,
        start=start,
        complex=petition.complexity != Complexity.SIMPLE,
        remote=petition.is_remote,
        extensions=petition.extensions if rule_code == "denunciation.resolve" else 0,
    )
    return {
        "rule_code": rule_code,
        "starts_on": start,
        "due_on": due.date,
        "citation": due.rule.citation[:250],
        "completed_on": None,
        "paused_on": None,
        "notified_soon": False,
        "notified_overdue": False,
    }


def _open_step(
    *, petition: Petition, step: str, rule_code: str, start: dt.date, paused_days_add: int | None = None
) -> StepDeadline:
    deadline = _upsert_step(petition=petition, step=step, rule_code=rule_code, start=start)
    _track(petition=petition, deadline=deadline, paused_days_add=paused_days_add)
    return deadline


def _upsert_step(*, petition: Petition, step: str, rule_code: str, start: dt.date) -> StepDeadline:
    values = _step_values(petition=petition, rule_code=rule_code, start=start)
    # Update, else insert: two statements where update_or_create takes five (SELECT … FOR UPDATE and
    # savepoints). Safe without them: the services hold the petition's row lock, and a new petition is
    # not visible to anyone else yet; the unique (petition, step) constraint stays the last word.
    steps = StepDeadline.objects.filter(petition=petition, step=step)
    if steps.update(**values):
        return steps.get()
    return StepDeadline.objects.create(petition=petition, step=step, **values)


def recompute_step(*, petition: Petition, step: str) -> StepDeadline | None:
    deadline = StepDeadline.objects.filter(petition=petition, step=step, completed_on__isnull=True).first()
    if deadline is None:
        return None
    return open_step(petition=petition, step=step, rule_code=deadline.rule_code, start=deadline.starts_on)


def complete_step(*, petition: Petition, step: str, on: dt.date) -> None:
    StepDeadline.objects.filter(petition=petition, step=step, completed_on__isnull=True).update(completed_on=on)
    engine.track_complete(record=petition, on=on, keys=[step])
    refresh_earliest_due(petition=petition)


def complete_all(*, petition: Petition, on: dt.date) -> None:
    StepDeadline.objects.filter(petition=petition, completed_on__isnull=True).update(completed_on=on)
    engine.track_complete(record=petition, on=on)
    refresh_earliest_due(petition=petition)


def pause_all(*, petition: Petition, on: dt.date) -> None:
    StepDeadline.objects.filter(petition=petition, completed_on__isnull=True).update(paused_on=on)
    engine.track_pause(record=petition, on=on)
    refresh_earliest_due(petition=petition)


def resume_all(*, petition: Petition, on: dt.date) -> None:
    """The time limit runs on from the decision to continue (NĐ 155/2026 art. 28b): the days already
    used before the suspension count, the days of the suspension do not."""
    for deadline in StepDeadline.objects.filter(petition=petition, completed_on__isnull=True, paused_on__isnull=False):
        assert deadline.paused_on is not None
        shift = (on - deadline.paused_on).days
        new_start = deadline.starts_on + dt.timedelta(days=shift)
        _open_step(
            petition=petition, step=deadline.step, rule_code=deadline.rule_code, start=new_start, paused_days_add=shift
        )
    refresh_earliest_due(petition=petition)
