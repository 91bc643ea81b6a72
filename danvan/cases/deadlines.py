"""Legal due dates of a petition's steps, computed by ``danvan.calendar`` from the time-limit rules."""

from __future__ import annotations

import datetime as dt

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


def open_step(*, petition: Petition, step: str, rule_code: str, start: dt.date) -> StepDeadline:
    from danvan.calendar.selectors import due_date

    due = due_date(
        rule_code=rule_code,
        start=start,
        complex=petition.complexity != Complexity.SIMPLE,
        remote=petition.is_remote,
        extensions=petition.extensions if rule_code == "denunciation.resolve" else 0,
    )
    deadline, _ = StepDeadline.objects.update_or_create(
        petition=petition,
        step=step,
        defaults={
            "rule_code": rule_code,
            "starts_on": start,
            "due_on": due.date,
            "citation": due.rule.citation[:250],
            "completed_on": None,
            "paused_on": None,
            "notified_soon": False,
            "notified_overdue": False,
        },
    )
    return deadline


def recompute_step(*, petition: Petition, step: str) -> StepDeadline | None:
    deadline = StepDeadline.objects.filter(petition=petition, step=step, completed_on__isnull=True).first()
    if deadline is None:
        return None
    return open_step(petition=petition, step=step, rule_code=deadline.rule_code, start=deadline.starts_on)


def complete_step(*, petition: Petition, step: str, on: dt.date) -> None:
    StepDeadline.objects.filter(petition=petition, step=step, completed_on__isnull=True).update(completed_on=on)


def complete_all(*, petition: Petition, on: dt.date) -> None:
    StepDeadline.objects.filter(petition=petition, completed_on__isnull=True).update(completed_on=on)


def pause_all(*, petition: Petition, on: dt.date) -> None:
    StepDeadline.objects.filter(petition=petition, completed_on__isnull=True).update(paused_on=on)


def resume_all(*, petition: Petition, on: dt.date) -> None:
    """The time limit runs on from the decision to continue (NĐ 155/2026 art. 28b): the days already
    used before the suspension count, the days of the suspension do not."""
    for deadline in StepDeadline.objects.filter(petition=petition, completed_on__isnull=True, paused_on__isnull=False):
        assert deadline.paused_on is not None
        shift = (on - deadline.paused_on).days
        new_start = deadline.starts_on + dt.timedelta(days=shift)
        open_step(petition=petition, step=deadline.step, rule_code=deadline.rule_code, start=new_start)
