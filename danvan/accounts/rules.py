"""Permissions as django-rules predicates. Jurisdiction, role and membership decide; no ACL rows."""

from __future__ import annotations

import rules

from danvan.accounts.models import Organization, Role, User
from danvan.accounts.selectors import user_covers_unit, user_has_role, user_is_officer, user_is_system_admin


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


rules.add_perm("accounts.access_workspace", is_officer)
rules.add_perm("accounts.view_organization", is_system_admin | (is_officer & covers_organization))
rules.add_perm("accounts.manage_members", is_system_admin | is_admin_of_organization)

# The outbox's messages (follow-ups of writes, with the errors of those that keep failing), in the Django admin.
rules.add_perm("outbox.view_messages", is_system_admin)
