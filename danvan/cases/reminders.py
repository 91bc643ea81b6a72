"""Deadline reminders: the assignee and the head of the handling organisation hear of due-soon and
overdue steps, in the app and by e-mail (or a daily digest), once per step per threshold."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from danvan.accounts.models import Role, User
from danvan.calendar.selectors import DeadlineStatus, deadline_status, working_days_left
from danvan.cases.models import StepDeadline
from danvan.notifications.services import Message, notify

STEP_LABELS = {
    "accept": gettext_noop("accept for resolution"),
    "notify": gettext_noop("notify the citizen"),
    "resolve": gettext_noop("resolve"),
    "send_decision": gettext_noop("send the decision"),
    "publish": gettext_noop("publish the conclusion"),
    "forward": gettext_noop("forward"),
}
# Far enough ahead to cover "3 working days" across the longest holiday (Tết).
LOOKAHEAD_DAYS = 14


@dataclass(frozen=True)
class ScanResult:
    checked: int
    due_soon: int
    overdue: int
    notifications: int


def _recipients(deadline: StepDeadline) -> list[User]:
    petition = deadline.petition
    heads = User.objects.filter(
        memberships__organization_id=petition.handling_organization_id,
        memberships__role=Role.UNIT_HEAD,
        memberships__is_active=True,
        is_active=True,
    )
    people = {u.pk: u for u in heads}
    if petition.handler is not None and petition.handler.is_active:
        people[petition.handler.pk] = petition.handler
    return list(people.values())


def _message(deadline: StepDeadline, status: str, left: int) -> Message:
    petition = deadline.petition
    step = _(STEP_LABELS.get(deadline.step, deadline.step))
    if status == DeadlineStatus.OVERDUE:
        title = _("Overdue: %(code)s — %(step)s (due %(due)s)") % {
            "code": petition.tracking_code,
            "step": step,
            "due": deadline.due_on.strftime("%d/%m/%Y"),
        }
    else:
        title = _("Due soon: %(code)s — %(step)s, %(left)s working days left") % {
            "code": petition.tracking_code,
            "step": step,
            "left": left,
        }
    body = _("Legal basis: %(citation)s.") % {"citation": deadline.citation or deadline.rule_code}
    return Message(
        key=f"deadline:{deadline.pk}:{status}",
        title=title,
        body=body,
        url=reverse("cases:petition_detail", args=[petition.pk]),
    )


def scan_deadlines(*, today: dt.date) -> ScanResult:
    """Idempotent: a step is announced once as due soon and once as overdue, whatever the schedule."""
    checked = due_soon = overdue = sent = 0
    candidates = (
        StepDeadline.objects.filter(
            completed_on__isnull=True, paused_on__isnull=True, due_on__lte=today + dt.timedelta(days=LOOKAHEAD_DAYS)
        )
        .filter(notified_overdue=False)
        .select_related("petition__handler")
        .order_by("due_on", "pk")
    )
    with translation.override("vi"):
        for deadline in candidates.iterator(chunk_size=500):
            checked += 1
            status = deadline_status(today=today, due=deadline.due_on)
            if status == DeadlineStatus.ON_TIME or (status == DeadlineStatus.DUE_SOON and deadline.notified_soon):
                continue
            with transaction.atomic():
                locked = StepDeadline.objects.select_for_update().get(pk=deadline.pk)
                flag = "notified_overdue" if status == DeadlineStatus.OVERDUE else "notified_soon"
                if getattr(locked, flag):
                    continue
                message = _message(deadline, status, working_days_left(today=today, due=deadline.due_on))
                for user in _recipients(deadline):
                    if notify(user=user, message=message) is not None:
                        sent += 1
                setattr(locked, flag, True)
                locked.save(update_fields=[flag])
            if status == DeadlineStatus.OVERDUE:
                overdue += 1
            else:
                due_soon += 1
    return ScanResult(checked, due_soon, overdue, sent)
