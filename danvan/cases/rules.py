"""Who may do what with a petition: jurisdiction, membership of the handling organisation, role, assignment;
who reads a denouncer's identity, who writes internal notes and who manages response templates.

The workflow actions name their permission in danvan/cases/actions.py (PROCESS, DECIDE, HANDLE)."""

from __future__ import annotations

import rules

from danvan.accounts.models import Role, User
from danvan.accounts.rules import is_officer
from danvan.accounts.selectors import user_memberships
from danvan.cases.models import Kind, Petition, ResponseTemplate
from danvan.cases.selectors import petition_list_for_user

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
    """A denouncer's identity is kept confidential (Luật Tố cáo art. 47): only the assigned handler and the
    head of the handling organisation read it; any other petition's parties are not confidential.

    Through an active membership of the handling organisation only: a handler who has left it (moved,
    retired) no longer reads the identity, even if still named on the case."""
    if petition is None:
        return False
    if petition.kind != Kind.DENUNCIATION:
        return True
    here = [m for m in user_memberships(user=user) if m.organization_id == petition.handling_organization_id]
    if here and petition.handler_id is not None and petition.handler_id == user.pk:
        return True
    return any(m.role == Role.UNIT_HEAD for m in here)


@rules.predicate
def manages_templates(user: User) -> bool:
    """Administrator or head of an active organisation (its templates), or system administrator (the
    system-wide ones)."""
    from danvan.cases.selectors_case import template_scope  # here: selectors_case imports this module

    return bool(template_scope(user=user))


@rules.predicate
def manages_template(user: User, template: ResponseTemplate | None) -> bool:
    from danvan.cases.selectors_case import template_scope  # here: selectors_case imports this module

    return template is not None and template_scope(user=user).manages(template)


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
# The confidentiality rule alone, for the selectors that already scoped the petition to the user
# (cases.selectors.user_may_see_identity).
rules.add_perm("cases.read_denouncer_identity", sees_identity)
# Internal notes: the processing staff and the head of the handling organisation, and the assigned handler.
rules.add_perm("cases.add_note", processes_for_handling_org | is_assigned_handler | heads_handling_org)
rules.add_perm("cases.manage_response_templates", manages_templates)
rules.add_perm("cases.manage_response_template", manages_template)
