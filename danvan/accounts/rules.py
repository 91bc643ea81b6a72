"""Permissions as django-rules predicates. Jurisdiction, role and membership decide; no ACL rows.

The permissions of the apps below ``accounts`` that depend on a role (``audit.view_events``,
``geography.set_remote``) are granted here too: those apps ask ``user.has_perm(...)`` by name and never
import ``accounts``.
"""

from __future__ import annotations

from dataclasses import dataclass

import rules

from danvan.accounts.models import Organization, Role, User
from danvan.accounts.selectors import (
    user_covers_unit,
    user_has_role,
    user_is_officer,
    user_is_system_admin,
    user_memberships,
)
from danvan.geography.models import Level


@rules.predicate
def is_officer(user: User) -> bool:
    return user_is_officer(user=user)


@rules.predicate
def is_system_admin(user: User) -> bool:
    return user_is_system_admin(user=user)


@rules.predicate
def is_inspector(user: User) -> bool:
    return user_has_role(user=user, role=Role.INSPECTOR)


@rules.predicate
def covers_organization(user: User, organization: Organization | None) -> bool:
    return organization is not None and user_covers_unit(user=user, unit=organization.unit)


@rules.predicate
def is_admin_of_organization(user: User, organization: Organization | None) -> bool:
    return organization is not None and user_has_role(user=user, role=Role.ORG_ADMIN, organization=organization)


@dataclass(frozen=True)
class RoleGrant:
    """What an administrator asks to do: give ``user`` the ``role`` in ``organization``."""

    organization: Organization
    user: User
    role: str


# Roles that lead an organisation: granted from above, never by the organisation's own administrator.
HEAD_ROLES = frozenset({Role.UNIT_HEAD, Role.CHAIRMAN, Role.VICE_CHAIRMAN, Role.PARTY_SECRETARY})


@rules.predicate
def grants_to_self(user: User, grant: RoleGrant) -> bool:
    return grant.user.pk == user.pk


@rules.predicate
def grants_a_head_role(user: User, grant: RoleGrant) -> bool:
    return grant.role in HEAD_ROLES


@rules.predicate
def holds_the_granted_role(user: User, grant: RoleGrant) -> bool:
    return user_has_role(user=user, role=grant.role, organization=grant.organization)


@rules.predicate
def administers_the_organization(user: User, grant: RoleGrant) -> bool:
    return user_has_role(user=user, role=Role.ORG_ADMIN, organization=grant.organization)


def _administers_above(user: User, organization: Organization) -> bool:
    """An administrator of a parent organisation, or of a province-level organisation over the unit."""
    parent = organization.parent
    seen: set[int] = set()
    while parent is not None and parent.pk not in seen:
        if user_has_role(user=user, role=Role.ORG_ADMIN, organization=parent):
            return True
        seen.add(parent.pk)
        parent = parent.parent
    return any(
        m.role == Role.ORG_ADMIN
        and m.organization.unit.level == Level.PROVINCE
        and m.organization_id != organization.pk
        and user_covers_unit(user=user, unit=organization.unit)
        for m in user_memberships(user=user)
    )


@rules.predicate
def administers_the_level_above(user: User, grant: RoleGrant) -> bool:
    return _administers_above(user, grant.organization)


@rules.predicate
def administers_above_organization(user: User, organization: Organization | None) -> bool:
    return organization is not None and _administers_above(user, organization)


# Denunciation Law art. 8(3), 47: an administrator must not be able to make themselves a head and read a
# denouncer's identity. Nobody grants themselves anything; an organisation administrator grants only roles they
# hold there; a head's role comes from the level above; a system administrator may grant any role to others.
rules.add_perm(
    "accounts.grant_role",
    ~grants_to_self
    & (
        is_system_admin
        | (grants_a_head_role & administers_the_level_above)
        | (~grants_a_head_role & administers_the_organization & holds_the_granted_role)
    ),
)

rules.add_perm("accounts.access_workspace", is_officer)
rules.add_perm("accounts.view_organization", is_system_admin | (is_officer & covers_organization))
rules.add_perm("accounts.manage_members", is_system_admin | is_admin_of_organization | administers_above_organization)

# The apps below accounts: audit (the trail pages are in accounts.audit_trail) and geography.
rules.add_perm("audit.view_events", is_system_admin | is_inspector)
rules.add_perm("geography.set_remote", is_system_admin)

# The outbox's messages (follow-ups of writes, with the errors of those that keep failing), in the Django admin.
rules.add_perm("outbox.view_messages", is_system_admin)
