"""Reads about people and organisations, always scoped to the user asking.

Jurisdiction: a membership in an organisation whose unit is a commune covers that commune; one whose
unit is a province covers the province and all its communes. An officer of commune A never sees
commune B's data unless a province-level membership covers it.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from danvan.accounts.models import Membership, Organization, Role, User
from danvan.audit.models import AuditEvent
from danvan.geography.models import AdministrativeUnit, Level


def _memberships(user: User) -> QuerySet[Membership]:
    if not user.is_authenticated or not user.is_active:
        return Membership.objects.none()
    return Membership.objects.filter(user=user, is_active=True, organization__is_active=True)


def user_memberships(*, user: User) -> list[Membership]:
    cached: list[Membership] | None = getattr(user, "_danvan_memberships", None)
    if cached is None:
        cached = list(_memberships(user).select_related("organization__unit"))
        user._danvan_memberships = cached  # type: ignore[attr-defined]
    return cached


def user_is_officer(*, user: User) -> bool:
    return bool(user_memberships(user=user))


def user_is_system_admin(*, user: User) -> bool:
    return any(m.role == Role.SYSTEM_ADMIN for m in user_memberships(user=user))


def user_has_role(*, user: User, role: str, organization: Organization | None = None) -> bool:
    return any(
        m.role == role and (organization is None or m.organization_id == organization.pk)
        for m in user_memberships(user=user)
    )


def jurisdiction_filter(*, user: User, roles_only: str | None = None, prefix: str = "unit") -> Q | None:
    """A ``Q`` over a unit foreign key (``prefix``) that matches the units the user's memberships cover.

    ``None`` means the user covers everything (system administrator); ``Q(pk__in=[])`` means nothing.
    """
    memberships = [m for m in user_memberships(user=user) if roles_only is None or m.role == roles_only]
    if roles_only is None and user_is_system_admin(user=user):
        return None
    provinces = {m.organization.unit_id for m in memberships if m.organization.unit.level == Level.PROVINCE}
    communes = {m.organization.unit_id for m in memberships if m.organization.unit.level != Level.PROVINCE}
    if not provinces and not communes:
        return Q(pk__in=[])
    return Q(**{f"{prefix}__province_id__in": provinces}) | Q(**{f"{prefix}_id__in": communes})


def user_covers_unit(*, user: User, unit: AdministrativeUnit) -> bool:
    if user_is_system_admin(user=user):
        return True
    for m in user_memberships(user=user):
        own = m.organization.unit
        if own.pk == unit.pk or (own.level == Level.PROVINCE and unit.province_id == own.pk):
            return True
    return False


def organization_list_for_user(*, user: User) -> QuerySet[Organization]:
    orgs = Organization.objects.filter(is_active=True).select_related("unit", "unit__province")
    scope = jurisdiction_filter(user=user)
    return orgs if scope is None else orgs.filter(scope)


def organization_ids_visible_to(*, user: User, roles_only: str | None = None) -> QuerySet[Organization, int]:
    scope = jurisdiction_filter(user=user, roles_only=roles_only)
    orgs = Organization.objects.all() if scope is None else Organization.objects.filter(scope)
    return orgs.values_list("pk", flat=True)


def organization_get_for_user(*, user: User, organization_id: int) -> Organization:
    """The organisation if the user may see it; ``Organization.DoesNotExist`` otherwise (same 404)."""
    return organization_list_for_user(user=user).get(pk=organization_id)


def organization_members(*, organization: Organization) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(organization=organization)
        .select_related("user")
        .order_by("-is_active", "role", "user__full_name")
    )


def audit_event_list_for_user(*, user: User) -> QuerySet[AuditEvent]:
    """System administrators see the whole trail; inspectors see events of the organisations in
    their jurisdiction. Everyone else sees nothing."""
    events = AuditEvent.objects.select_related("actor").order_by("-seq")
    if user_is_system_admin(user=user):
        return events
    return events.filter(organization_id__in=organization_ids_visible_to(user=user, roles_only="inspector"))
