"""Reception places, schedules and sessions."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from danvan.accounts.models import Organization, OrganizationKind, User
from danvan.core.text import normalize
from danvan.reception.errors import ReceptionErrorCode, field_error, reception_error
from danvan.reception.models import (
    AdHocCondition,
    HeadPosition,
    ReceptionKind,
    ReceptionPlace,
    ReceptionSchedule,
    ReceptionSession,
)
from danvan.reception.models.reception import LAST_WEEK
from danvan.reception.services.common import audit, require_head, require_member, today

DEFAULT_POSITION = {
    OrganizationKind.COMMUNE_COMMITTEE: HeadPosition.COMMUNE_CHAIRMAN,
    OrganizationKind.PROVINCIAL_COMMITTEE: HeadPosition.PROVINCIAL_CHAIRMAN,
    OrganizationKind.DEPARTMENT: HeadPosition.DEPARTMENT_HEAD,
    OrganizationKind.INSPECTORATE: HeadPosition.DEPARTMENT_HEAD,
    OrganizationKind.POLICE: HeadPosition.DEPARTMENT_HEAD,
}


def default_position(organization: Organization) -> str:
    return str(DEFAULT_POSITION.get(OrganizationKind(organization.kind), ""))


@transaction.atomic
def place_add(*, actor: User, organization: Organization, name: str, address: str) -> ReceptionPlace:
    name, address = normalize(name), normalize(address)
    if not name or not address:
        raise reception_error(
            ReceptionErrorCode.INVALID, fields={"name" if not name else "address": [_("This field is required.")]}
        )
    if ReceptionPlace.objects.filter(organization=organization, name__iexact=name).exists():
        raise field_error(
            ReceptionErrorCode.INVALID, "name", message=_("This organisation already has a place of that name.")
        )
    place = ReceptionPlace.objects.create(organization=organization, name=name, address=address)
    audit(actor=actor, action="place_added", target=place, organization_id=organization.pk)
    return place


def _patterns_meet(a: int, b: int) -> bool:
    """Two week-of-month patterns share a day: one is weekly, or both name the same week."""
    return a == 0 or b == 0 or a == b


@transaction.atomic
def schedule_add(
    *,
    actor: User,
    organization: Organization,
    place: ReceptionPlace,
    kind: str,
    weekday: int,
    start_time: dt.time,
    end_time: dt.time,
    starts_on: dt.date,
    week_of_month: int = 0,
    ends_on: dt.date | None = None,
    head: User | None = None,
    position: str = "",
    online_booking: bool = False,
    slot_minutes: int = 30,
    slot_capacity: int = 1,
) -> ReceptionSchedule:
    """A recurring reception slot. Refuses a first day in the past and any overlap at the same place."""
    place = ReceptionPlace.objects.select_for_update().get(pk=place.pk)
    if place.organization_id != organization.pk or not place.is_active:
        raise field_error(ReceptionErrorCode.INVALID, "place", message=_("Choose a place of this organisation."))
    if kind not in (ReceptionKind.REGULAR, ReceptionKind.PERIODIC):
        raise field_error(ReceptionErrorCode.INVALID, "kind")
    if starts_on < today():
        raise field_error(ReceptionErrorCode.SCHEDULE_IN_PAST, "starts_on")
    if ends_on is not None and ends_on < starts_on:
        raise field_error(ReceptionErrorCode.INVALID, "ends_on", message=_("The last day cannot be before the first."))
    if end_time <= start_time:
        raise field_error(
            ReceptionErrorCode.INVALID, "end_time", message=_("The end time must be after the start time.")
        )
    if not (0 <= weekday <= 6 and 0 <= week_of_month <= LAST_WEEK):
        raise field_error(ReceptionErrorCode.INVALID, "weekday")
    if not (5 <= slot_minutes <= 240 and 1 <= slot_capacity <= 50):
        raise field_error(ReceptionErrorCode.INVALID, "slot_minutes")
    if kind == ReceptionKind.PERIODIC:
        if head is None:
            raise field_error(ReceptionErrorCode.NOT_A_HEAD, "head")
        require_head(head, organization)
        position = position or default_position(organization)
        if position not in HeadPosition.values:
            raise field_error(ReceptionErrorCode.INVALID, "position")
    else:
        head, position = None, ""
    clashes = ReceptionSchedule.objects.filter(
        place=place, weekday=weekday, start_time__lt=end_time, end_time__gt=start_time
    ).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on))
    if ends_on is not None:
        clashes = clashes.filter(starts_on__lte=ends_on)
    if any(_patterns_meet(other.week_of_month, week_of_month) for other in clashes):
        raise field_error(ReceptionErrorCode.SCHEDULE_OVERLAP, "start_time")
    schedule = ReceptionSchedule.objects.create(
        organization=organization,
        place=place,
        kind=kind,
        head=head,
        position=position,
        weekday=weekday,
        week_of_month=week_of_month,
        start_time=start_time,
        end_time=end_time,
        starts_on=starts_on,
        ends_on=ends_on,
        online_booking=online_booking,
        slot_minutes=slot_minutes,
        slot_capacity=slot_capacity,
        created_by=actor,
    )
    audit(actor=actor, action="schedule_added", target=schedule, organization_id=organization.pk, kind=kind)
    return schedule


@transaction.atomic
def session_open(
    *,
    actor: User,
    organization: Organization,
    place: ReceptionPlace,
    kind: str,
    held_on: dt.date,
    head: User | None = None,
    received_by: User | None = None,
    ad_hoc_conditions: list[str] | None = None,
    participants: str = "",
) -> ReceptionSession:
    """Open a reception session. A head's session (periodic or ad hoc) names the head; when someone else
    receives in the head's place the session is delegated, which the compliance view checks against the law."""
    if place.organization_id != organization.pk or not place.is_active:
        raise field_error(ReceptionErrorCode.INVALID, "place", message=_("Choose a place of this organisation."))
    if kind not in ReceptionKind.values:
        raise field_error(ReceptionErrorCode.INVALID, "kind")
    conditions = list(dict.fromkeys(ad_hoc_conditions or []))
    if any(c not in AdHocCondition.values for c in conditions):
        raise field_error(ReceptionErrorCode.INVALID, "ad_hoc_conditions")
    position = ""
    if kind == ReceptionKind.REGULAR:
        head, conditions = None, []
        received_by = received_by or actor
    else:
        if head is None:
            raise field_error(ReceptionErrorCode.NOT_A_HEAD, "head")
        require_head(head, organization)
        received_by = received_by or head
        position = default_position(organization)
        schedule = _head_schedule(organization=organization, head=head, day=held_on)
        if schedule is not None and schedule.position:
            position = schedule.position
        if kind == ReceptionKind.AD_HOC and not conditions:
            raise field_error(
                ReceptionErrorCode.INVALID,
                "ad_hoc_conditions",
                message=_("Say which condition of art. 18(3) requires the ad hoc reception."),
            )
    require_member(received_by, organization, "received_by")
    duplicate = ReceptionSession.objects.filter(organization=organization, place=place, kind=kind, held_on=held_on)
    if duplicate.filter(head=head).exists():
        raise field_error(
            ReceptionErrorCode.INVALID, "held_on", message=_("A session of this kind is already open on that day here.")
        )
    session = ReceptionSession.objects.create(
        organization=organization,
        place=place,
        schedule=_head_schedule(organization=organization, head=head, day=held_on) if head else None,
        kind=kind,
        held_on=held_on,
        head=head,
        position=position,
        received_by=received_by,
        ad_hoc_conditions=conditions,
        participants=normalize(participants),
        created_by=actor,
    )
    audit(
        actor=actor,
        action="session_opened",
        target=session,
        organization_id=organization.pk,
        kind=kind,
        held_on=held_on.isoformat(),
        delegated=session.is_delegated,
    )
    return session


def _head_schedule(*, organization: Organization, head: User | None, day: dt.date) -> ReceptionSchedule | None:
    if head is None:
        return None
    schedules = ReceptionSchedule.objects.filter(organization=organization, head=head, kind=ReceptionKind.PERIODIC)
    return next((s for s in schedules.order_by("-starts_on") if s.falls_on(day)), schedules.first())
