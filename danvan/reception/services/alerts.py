"""Overdue roadmap milestones: the leader in charge and the heads of the responsible and owner organisations
hear of each once, in the app and by e-mail (their notification preference)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from danvan.accounts.models import Role, User
from danvan.notifications.services import Message, notify
from danvan.reception.models import MILESTONE_OPEN, ComplexStatus, Milestone
from danvan.reception.services.common import audit


def _recipients(milestone: Milestone) -> list[User]:
    case = milestone.roadmap.case
    heads = User.objects.filter(
        memberships__organization_id__in={case.organization_id, milestone.owner_id},
        memberships__role=Role.UNIT_HEAD,
        memberships__is_active=True,
        is_active=True,
    )
    people = {u.pk: u for u in heads}
    leader = milestone.roadmap.leader
    if leader.is_active:
        people[leader.pk] = leader
    return [people[pk] for pk in sorted(people)]


def milestone_overdue_scan(*, today: dt.date) -> int:
    """Flag and announce every open milestone of an open case whose due date has passed. Returns how many."""
    overdue = Milestone.objects.filter(
        status__in=MILESTONE_OPEN,
        due_on__lt=today,
        overdue_notified=False,
        roadmap__case__status=ComplexStatus.OPEN,
    ).select_related("roadmap__case", "roadmap__leader", "owner")
    count = 0
    with translation.override(settings.LANGUAGE_CODE):
        for milestone in overdue.order_by("due_on", "pk"):
            with transaction.atomic():
                locked = Milestone.objects.select_for_update().get(pk=milestone.pk)
                if locked.overdue_notified:
                    continue
                case = milestone.roadmap.case
                message = Message(
                    key=f"milestone:{milestone.pk}:overdue",
                    title=_("Overdue milestone: %(milestone)s (due %(due)s)")
                    % {"milestone": milestone.title[:120], "due": milestone.due_on.strftime("%d/%m/%Y")},
                    body=_("Complex case: %(case)s. Owner: %(owner)s.")
                    % {"case": case.title[:120], "owner": milestone.owner.name},
                    url=reverse("reception:complex_detail", args=[case.pk]),
                )
                for user in _recipients(milestone):
                    notify(user=user, message=message)
                locked.overdue_notified = True
                locked.save(update_fields=["overdue_notified"])
                audit(
                    actor=None,
                    action="milestone_overdue",
                    target=case,
                    organization_id=case.organization_id,
                    milestone=milestone.pk,
                )
                count += 1
    return count
