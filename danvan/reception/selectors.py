"""Reads of the reception app, always scoped to the user. "Not found" and "not allowed" look the same.

Confidentiality (Denunciation Law art. 8(3), 9, 47): the people of a denunciation visit are readable only by
the officer who recorded it, the head of the receiving organisation, and whoever may see the identity on the
petition it became; everyone else gets a masked view, and every unmasked read is audited.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from danvan.accounts.models import Organization, Role, User
from danvan.accounts.selectors import jurisdiction_filter, user_is_system_admin, user_memberships
from danvan.audit.services import audit_record
from danvan.cases.models import Kind, Party, PartyRole, Petition
from danvan.cases.personal_id import normalize_personal_id
from danvan.cases.selectors import petition_list_for_user, user_may_see_identity
from danvan.core.text import normalize
from danvan.geography.models import AdministrativeUnit
from danvan.reception.models import (
    Appointment,
    ComplexCase,
    Dialogue,
    Hotspot,
    ReceptionPlace,
    ReceptionSchedule,
    ReceptionSession,
    ReceptionVisit,
    ReductionPlan,
    VisitPerson,
)
from danvan.reception.rules import PROCESSING_ROLES

MASK = "***"


def managed_organizations(*, user: User) -> QuerySet[Organization]:
    """Organisations where the user works in reception (a processing role)."""
    ids = [m.organization_id for m in user_memberships(user=user) if m.role in PROCESSING_ROLES]
    return Organization.objects.filter(pk__in=ids, is_active=True).select_related("unit").order_by("name")


def headed_organizations(*, user: User) -> QuerySet[Organization]:
    ids = [m.organization_id for m in user_memberships(user=user) if m.role == Role.UNIT_HEAD]
    return Organization.objects.filter(pk__in=ids, is_active=True).select_related("unit").order_by("name")


def reception_organizations(*, user: User) -> QuerySet[Organization]:
    """Organisations whose reception the user may read: their own (processing roles), those an inspector's
    jurisdiction covers, or all for a system administrator."""
    orgs = Organization.objects.filter(is_active=True).select_related("unit", "unit__province")
    if user_is_system_admin(user=user):
        return orgs.order_by("name")
    own = Q(pk__in=[m.organization_id for m in user_memberships(user=user) if m.role in PROCESSING_ROLES])
    if any(m.role == Role.INSPECTOR for m in user_memberships(user=user)):
        inspected = jurisdiction_filter(user=user, roles_only=Role.INSPECTOR)
        if inspected is not None:
            own |= inspected
    return orgs.filter(own).order_by("name")


def organization_for_user(*, user: User, organization_id: int | None) -> Organization | None:
    if organization_id is None:
        return reception_organizations(user=user).first()
    return reception_organizations(user=user).filter(pk=organization_id).first()


def place_list(*, organization: Organization) -> QuerySet[ReceptionPlace]:
    return ReceptionPlace.objects.filter(organization=organization, is_active=True).order_by("name")


def schedule_list_for_user(*, user: User) -> QuerySet[ReceptionSchedule]:
    return (
        ReceptionSchedule.objects.filter(organization__in=reception_organizations(user=user))
        .select_related("organization", "place", "head")
        .order_by("organization__name", "weekday", "start_time")
    )


def session_list_for_user(*, user: User) -> QuerySet[ReceptionSession]:
    return ReceptionSession.objects.filter(organization__in=reception_organizations(user=user)).select_related(
        "organization", "place", "head", "received_by"
    )


def session_get_for_user(*, user: User, session_id: int) -> ReceptionSession:
    return session_list_for_user(user=user).get(pk=session_id)


def visit_get_for_user(*, user: User, visit_id: int) -> ReceptionVisit:
    return ReceptionVisit.objects.select_related("session", "organization", "petition", "refusal_ground").get(
        pk=visit_id, organization__in=reception_organizations(user=user)
    )


def visit_may_see_identity(*, user: User, visit: ReceptionVisit) -> bool:
    if visit.kind != Kind.DENUNCIATION or visit.recorded_by_id == user.pk:
        return True
    if any(
        m.role == Role.UNIT_HEAD and m.organization_id == visit.organization_id for m in user_memberships(user=user)
    ):
        return True
    return visit.petition is not None and user_may_see_identity(user=user, petition=visit.petition)


@dataclass(frozen=True)
class PersonView:
    full_name: str
    personal_id: str
    address: str
    phone: str
    is_representative: bool
    masked: bool


def _person_view(person: VisitPerson, *, masked: bool) -> PersonView:
    if masked:
        hidden = _("Kept confidential (Denunciation Law art. 47)")
        return PersonView(_("Denouncer"), MASK, hidden, MASK, person.is_representative, True)
    return PersonView(
        person.full_name, person.personal_id, person.address, person.phone, person.is_representative, False
    )


def visit_people(*, user: User, visit: ReceptionVisit, people: list[VisitPerson] | None = None) -> list[PersonView]:
    """The people of a visit as ``user`` may see them. Reading a denouncer's identity is audited."""
    people = people if people is not None else list(visit.people.all())
    allowed = visit_may_see_identity(user=user, visit=visit)
    if allowed and visit.is_denunciation and people:
        with transaction.atomic():
            audit_record(
                actor=user, action="reception.identity_viewed", target=visit, organization_id=visit.organization_id
            )
    return [_person_view(p, masked=not allowed) for p in people]


def appointment_list_for_user(*, user: User, start: dt.date) -> QuerySet[Appointment]:
    return (
        Appointment.objects.filter(schedule__organization__in=reception_organizations(user=user), day__gte=start)
        .select_related("schedule__organization", "schedule__place")
        .order_by("day", "start_time", "pk")
    )


def dialogue_list_for_user(*, user: User) -> QuerySet[Dialogue]:
    return Dialogue.objects.filter(organization__in=reception_organizations(user=user)).select_related(
        "organization", "petition", "chair"
    )


def dialogue_get_for_user(*, user: User, dialogue_id: int) -> Dialogue:
    return dialogue_list_for_user(user=user).get(pk=dialogue_id)


def petition_by_code_for_user(*, user: User, tracking_code: str) -> Petition | None:
    code = normalize(tracking_code).upper()
    return petition_list_for_user(user=user).filter(tracking_code=code).first() if code else None


def earlier_petitions(*, user: User, query: str, limit: int = 10) -> list[Petition]:
    """Petitions that may be the same matter as a visitor's: by tracking code, personal ID, phone or name.

    A match on a person is never offered for a petition whose identity the user may not see: the match
    itself would tell that the person is a denouncer."""
    text = normalize(query)
    if len(text) < 3:
        return []
    petitions = petition_list_for_user(user=user)
    by_code = list(petitions.filter(tracking_code=text.upper()))
    if by_code:
        return by_code
    digits = "".join(ch for ch in text if ch.isdigit())
    people = Party.objects.filter(role__in=[PartyRole.PETITIONER, PartyRole.REPRESENTATIVE])
    if len(digits) in (9, 12) and digits == text.replace(" ", ""):
        people = people.filter(personal_id=normalize_personal_id(digits))
    elif len(digits) >= 9 and digits == text.replace(" ", "").lstrip("+"):
        people = people.filter(phone__endswith=digits[-9:])
    else:
        people = people.filter(full_name__iexact=text)
    matched = petitions.filter(pk__in=people.values("petition_id")).order_by("-received_on")[: limit * 3]
    return [p for p in matched if user_may_see_identity(user=user, petition=p)][:limit]


def complex_list_for_user(*, user: User) -> QuerySet[ComplexCase]:
    cases = ComplexCase.objects.select_related("organization", "unit", "roadmap__leader")
    if not user.is_authenticated or not user_memberships(user=user):
        return cases.none()
    scope = jurisdiction_filter(user=user)
    return cases if scope is None else cases.filter(scope)


def complex_get_for_user(*, user: User, case_id: int) -> ComplexCase:
    return complex_list_for_user(user=user).get(pk=case_id)


def complex_petitions_for_user(*, user: User, case: ComplexCase) -> list[Petition]:
    """The case's petitions the user may see (subject and status only are ever shown, never parties)."""
    linked = case.petition_links.values("petition_id")
    return list(petition_list_for_user(user=user).filter(pk__in=linked).order_by("received_on", "pk"))


def public_roadmaps() -> QuerySet[ComplexCase]:
    return (
        ComplexCase.objects.filter(roadmap__is_public=True)
        .select_related("unit", "organization", "roadmap")
        .prefetch_related("roadmap__milestones")
        .order_by("status", "-opened_on")
    )


def plan_list_for_user(*, user: User) -> QuerySet[ReductionPlan]:
    plans = ReductionPlan.objects.select_related("organization__unit")
    if not user.is_authenticated or not user_memberships(user=user):
        return plans.none()
    scope = jurisdiction_filter(user=user, prefix="organization__unit")
    return plans if scope is None else plans.filter(scope)


def plan_get_for_user(*, user: User, plan_id: int) -> ReductionPlan:
    return plan_list_for_user(user=user).get(pk=plan_id)


def hotspot_list_for_user(*, user: User) -> QuerySet[Hotspot]:
    hotspots = Hotspot.objects.select_related("unit", "assigned_to", "assignee", "acknowledged_by")
    if not user.is_authenticated or not user_memberships(user=user):
        return hotspots.none()
    scope = jurisdiction_filter(user=user)
    return hotspots if scope is None else hotspots.filter(scope)


def hotspot_get_for_user(*, user: User, hotspot_id: int) -> Hotspot:
    return hotspot_list_for_user(user=user).get(pk=hotspot_id)


def hotspot_evidence_for_user(*, user: User, hotspot: Hotspot) -> list[tuple[Petition, str]]:
    """The evidence petitions the user may see, with the reason each counts (never a person)."""
    rows = list(hotspot.evidence_rows.select_related("petition__category", "petition__handling_organization"))
    visible = set(
        petition_list_for_user(user=user).filter(pk__in=[r.petition_id for r in rows]).values_list("pk", flat=True)
    )
    return [(r.petition, r.reason) for r in rows if r.petition_id in visible]


def area_organizations(*, unit: AdministrativeUnit) -> QuerySet[Organization]:
    """Organisations a hotspot in this commune can be assigned to: those of the commune and of its province."""
    return Organization.objects.filter(Q(unit=unit) | Q(unit_id=unit.province_id), is_active=True).order_by("name")


def petition_url(petition: Petition) -> str:
    """The petition's page in the cases app, when that app serves one."""
    try:
        return reverse("cases:petition_detail", args=[petition.pk])
    except NoReverseMatch:
        return ""
