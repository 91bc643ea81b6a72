"""Who may do what with a petition: jurisdiction, membership of the handling organisation, role, assignment."""

from __future__ import annotations

import rules

from danvan.accounts.models import Role, User
from danvan.accounts.rules import is_officer
from danvan.accounts.selectors import user_memberships
from danvan.cases.models import Petition
from danvan.cases.selectors import petition_list_for_user, user_may_see_identity

PROCESSING_ROLES = {Role.RECEPTION_OFFICER, Role.CASE_HANDLER, Role.UNIT_HEAD}


def _roles_in_handling_org(user: User, petition: Petition) -> set[str]:
    return {m.role for m in user_memberships(user=user) if m.organization_id == petition.handling_organization_id}


@rules.predicate
def can_see_petition(user: User, petition: Petition | None) -> bool:
    return petition is not None and petition_list_for_user(user=user).filter(pk=petition.pk).exists()


@rules.predicate
def processes_for_handling_org(user: User, petition: Petition | None) -> bool:
    return petition is not None and bool(_roles_in_handling_org(user, petition) & PROCESSING_ROLES)


@rules.predicate
def heads_handling_org(user: User, petition: Petition | None) -> bool:
    return petition is not None and Role.UNIT_HEAD in _roles_in_handling_org(user, petition)


@rules.predicate
def is_assigned_handler(user: User, petition: Petition | None) -> bool:
    return petition is not None and petition.handler_id == user.pk


@rules.predicate
def sees_identity(user: User, petition: Petition | None) -> bool:
    return petition is not None and user_may_see_identity(user=user, petition=petition)


@rules.predicate
def registers_petitions(user: User) -> bool:
    return any(m.role in PROCESSING_ROLES for m in user_memberships(user=user))


rules.add_perm("cases.view_inbox", is_officer)
rules.add_perm("cases.register_petition", registers_petitions)
rules.add_perm("cases.view_petition", is_officer & can_see_petition)
# Intake steps: classify, forward, acknowledge, guide, archive, split, duplicates.
rules.add_perm("cases.process_petition", processes_for_handling_org)
# Decisions signed by the head: accept, assign, extend, suspend, resume, conclude, close.
rules.add_perm("cases.decide_petition", heads_handling_org)
# Verification and dialogue: the assigned handler or the head.
rules.add_perm("cases.handle_petition", is_assigned_handler | heads_handling_org)
rules.add_perm("cases.view_identity", is_officer & can_see_petition & sees_identity)
