"""Who may do what in citizen reception, dialogues, complex cases and hotspots.

* Reception (places, schedules, sessions, visits, the register, appointments): officers of the organisation in
  a processing role (reception officer, case handler, head); inspectors covering it and system administrators
  read. The head alone issues the notice of conclusions.
* Dialogues: read like reception; scheduled and recorded by the assigned handler or the head of the petition's
  handling organisation (``cases.handle_petition``).
* Complex cases and hotspots: every officer whose jurisdiction covers the area reads them (MTTQ, Ban Dân vận,
  mass organisations included; never a denouncer's identity). The responsible organisation's processing
  officers and the leader in charge manage a case and its roadmap; heads plan reductions; heads of any
  organisation covering the area acknowledge and assign hotspots.
"""

from __future__ import annotations

from typing import Any

import rules

from danvan.accounts.models import Organization, Role, User
from danvan.accounts.rules import is_officer, is_system_admin
from danvan.accounts.selectors import user_covers_unit, user_memberships
from danvan.cases.models import Petition
from danvan.geography.models import AdministrativeUnit, Level
from danvan.reception.models import ComplexCase, Hotspot, Milestone

PROCESSING_ROLES = {Role.RECEPTION_OFFICER, Role.CASE_HANDLER, Role.UNIT_HEAD}


def organization_of(obj: Any) -> Organization | None:
    """The organisation an object belongs to (itself for an organisation)."""
    if obj is None or isinstance(obj, Organization):
        return obj
    if isinstance(obj, Milestone):
        return obj.roadmap.case.organization
    organization: Organization | None = getattr(obj, "organization", None)
    return organization


def roles_in(user: User, organization_id: int | None) -> set[str]:
    return {m.role for m in user_memberships(user=user) if m.organization_id == organization_id}


def role_covers(user: User, role: str, unit: AdministrativeUnit) -> bool:
    """True when a membership with ``role`` is in an organisation of ``unit`` or of its province."""
    for m in user_memberships(user=user):
        own = m.organization.unit
        if m.role == role and (own.pk == unit.pk or (own.level == Level.PROVINCE and unit.province_id == own.pk)):
            return True
    return False


@rules.predicate
def works_reception(user: User, obj: Any) -> bool:
    organization = organization_of(obj)
    return organization is not None and bool(roles_in(user, organization.pk) & PROCESSING_ROLES)


@rules.predicate
def heads(user: User, obj: Any) -> bool:
    organization = organization_of(obj)
    return organization is not None and Role.UNIT_HEAD in roles_in(user, organization.pk)


@rules.predicate
def inspects(user: User, obj: Any) -> bool:
    organization = organization_of(obj)
    return organization is not None and role_covers(user, Role.INSPECTOR, organization.unit)


@rules.predicate
def covers_area(user: User, obj: Any) -> bool:
    """An officer whose jurisdiction covers the case's or hotspot's commune (or the organisation's unit)."""
    unit = getattr(obj, "unit", None) if isinstance(obj, ComplexCase | Hotspot) else None
    if unit is None:
        organization = organization_of(obj)
        unit = organization.unit if organization is not None else None
    return unit is not None and user_covers_unit(user=user, unit=unit)


@rules.predicate
def leads_roadmap(user: User, obj: Any) -> bool:
    case = obj.roadmap.case if isinstance(obj, Milestone) else obj
    roadmap = getattr(case, "roadmap", None) if isinstance(case, ComplexCase) else None
    return roadmap is not None and roadmap.leader_id == user.pk


@rules.predicate
def owns_milestone(user: User, milestone: Milestone | None) -> bool:
    return milestone is not None and bool(roles_in(user, milestone.owner_id) & PROCESSING_ROLES)


@rules.predicate
def leads_in_area(user: User, hotspot: Hotspot | None) -> bool:
    return hotspot is not None and role_covers(user, Role.UNIT_HEAD, hotspot.unit)


@rules.predicate
def handles_petition(user: User, petition: Petition | None) -> bool:
    return petition is not None and user.has_perm("cases.handle_petition", petition)


@rules.predicate
def works_reception_anywhere(user: User) -> bool:
    return any(m.role in PROCESSING_ROLES for m in user_memberships(user=user))


@rules.predicate
def heads_anywhere(user: User) -> bool:
    return any(m.role == Role.UNIT_HEAD for m in user_memberships(user=user))


@rules.predicate
def inspects_anywhere(user: User) -> bool:
    return any(m.role == Role.INSPECTOR for m in user_memberships(user=user))


READS_RECEPTION = works_reception | inspects | is_system_admin

# Module pages (no object): who sees the reception workspace at all.
rules.add_perm("reception.access_reception", works_reception_anywhere | inspects_anywhere | is_system_admin)
rules.add_perm("reception.receive", works_reception_anywhere)
rules.add_perm("reception.view_reception", READS_RECEPTION)
rules.add_perm("reception.manage_reception", works_reception)
rules.add_perm("reception.lead_reception", heads)
rules.add_perm("reception.hold_dialogue", handles_petition)
rules.add_perm("reception.view_complex", is_system_admin | (is_officer & covers_area))
rules.add_perm("reception.manage_complex", works_reception | leads_roadmap)
rules.add_perm("reception.update_milestone", works_reception | leads_roadmap | owns_milestone)
rules.add_perm("reception.plan_reduction", heads)
rules.add_perm("reception.plan_any", heads_anywhere)
rules.add_perm("reception.view_hotspot", is_system_admin | (is_officer & covers_area))
rules.add_perm("reception.lead_hotspot", leads_in_area)
rules.add_perm("reception.manage_thresholds", is_system_admin)
