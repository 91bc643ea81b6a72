"""What a report covers and who may read it.

A scope is a province (its communes and its own province-level organisations), a commune (every organisation
whose jurisdiction is the commune) or one organisation; petitions belong to the scope of their *handling*
organisation. Every figure is computed over :func:`report_petitions`: the scope intersected with the user's
jurisdiction (``danvan.accounts.selectors.jurisdiction_filter``, the filter ``petition_list_for_user`` applies
to handling organisations), so an officer of commune B never counts commune A's petitions.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from danvan.accounts.models import Organization, User
from danvan.accounts.selectors import jurisdiction_filter, user_is_system_admin, user_memberships
from danvan.cases.models import Petition
from danvan.geography.models import AdministrativeUnit, Level

PROVINCE, COMMUNE, ORGANIZATION = "p", "c", "o"


@dataclass(frozen=True)
class ReportScope:
    kind: str  # PROVINCE, COMMUNE or ORGANIZATION
    pk: int
    name: str
    unit: AdministrativeUnit
    organization: Organization | None = None

    @property
    def code(self) -> str:
        return f"{self.kind}{self.pk}"

    @property
    def petition_filter(self) -> Q:
        if self.kind == PROVINCE:
            return Q(handling_organization__unit__province_id=self.pk)
        if self.kind == COMMUNE:
            return Q(handling_organization__unit_id=self.pk)
        return Q(handling_organization_id=self.pk)

    @property
    def organization_filter(self) -> Q:
        if self.kind == PROVINCE:
            return Q(unit__province_id=self.pk)
        if self.kind == COMMUNE:
            return Q(unit_id=self.pk)
        return Q(pk=self.pk)


def _jurisdiction(user: User, prefix: str) -> Q:
    scope = jurisdiction_filter(user=user, prefix=prefix)
    return Q() if scope is None else scope


def report_petitions(*, user: User, scope: ReportScope) -> QuerySet[Petition]:
    """The petitions a report of ``scope`` counts for ``user``: never more than ``petition_list_for_user``."""
    if not user_memberships(user=user):
        return Petition.objects.none()
    # The organisations first (a few hundred ids), so the petition scan needs no join.
    org_ids = list(scope_organizations(user=user, scope=scope).values_list("pk", flat=True))
    return Petition.objects.filter(handling_organization_id__in=org_ids)


def scope_organizations(*, user: User, scope: ReportScope) -> QuerySet[Organization]:
    """The organisations of ``scope`` within the user's jurisdiction (their petitions are the scope's)."""
    orgs = Organization.objects.filter(_jurisdiction(user, "unit") & scope.organization_filter)
    return orgs.select_related("unit").order_by("name")


def scopes_for_user(*, user: User) -> list[ReportScope]:
    """The scopes the user may report on: the provinces and communes of their memberships (a province
    membership adds every commune that has an organisation on the platform), and those organisations."""
    if not user_memberships(user=user):
        return []
    if user_is_system_admin(user=user):
        orgs = Organization.objects.filter(is_active=True)
    else:
        orgs = Organization.objects.filter(_jurisdiction(user, "unit"), is_active=True)
    orgs = orgs.select_related("unit", "unit__province").order_by("unit__province__name", "unit__name", "name")
    provinces: dict[int, ReportScope] = {}
    communes: dict[int, ReportScope] = {}
    organizations: list[ReportScope] = []
    for org in orgs:
        unit = org.unit
        province = unit if unit.level == Level.PROVINCE else unit.province
        if province is not None and province.pk not in provinces:
            provinces[province.pk] = ReportScope(PROVINCE, province.pk, province.name, province)
        if unit.level != Level.PROVINCE and unit.pk not in communes:
            communes[unit.pk] = ReportScope(COMMUNE, unit.pk, unit.name, unit)
        organizations.append(ReportScope(ORGANIZATION, org.pk, org.name, unit, org))
    # A commune officer reports on the commune, not the whole province.
    own_levels = {m.organization.unit.level for m in user_memberships(user=user)}
    if not user_is_system_admin(user=user) and Level.PROVINCE not in own_levels:
        provinces = {}
    return [*provinces.values(), *communes.values(), *organizations]


def default_scope(*, user: User, scopes: list[ReportScope]) -> ReportScope | None:
    """The scope of the user's first membership: its province or commune."""
    for membership in user_memberships(user=user):
        unit = membership.organization.unit
        wanted = PROVINCE if unit.level == Level.PROVINCE else COMMUNE
        for scope in scopes:
            if scope.kind == wanted and scope.pk == unit.pk:
                return scope
    return scopes[0] if scopes else None


def find_scope(scopes: list[ReportScope], code: str) -> ReportScope | None:
    return next((scope for scope in scopes if scope.code == code), None)
