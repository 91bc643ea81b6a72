"""Who reads and manages a community's household register (personal data).

Read: the officers whose memberships cover the commune (danvan.accounts jurisdiction: the commune's own
organisations, a province-level organisation above it, a system administrator), the community's head and the
head of its Front work committee while they hold the role. Manage (import, export, changes): the officers of
an organisation of the commune itself, a system administrator, and the community's head.
"""

from __future__ import annotations

import rules
from django.utils import timezone

from danvan.accounts.models import User
from danvan.accounts.selectors import user_covers_unit, user_is_officer, user_is_system_admin, user_memberships
from danvan.communities.models import Community, CommunityRole, CommunityRoleKind
from danvan.geography.models import AdministrativeUnit


def _holds(user: User, community: Community, role: str) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return (
        CommunityRole.objects.active_on(timezone.localdate()).filter(user=user, community=community, role=role).exists()
    )


@rules.predicate
def covers_commune(user: User, community: Community | None) -> bool:
    return community is not None and user_is_officer(user=user) and user_covers_unit(user=user, unit=community.commune)


@rules.predicate
def is_commune_officer(user: User, community: Community | None) -> bool:
    if community is None or not user.is_authenticated:
        return False
    return user_is_system_admin(user=user) or any(
        m.organization.unit_id == community.commune_id for m in user_memberships(user=user)
    )


@rules.predicate
def is_community_head(user: User, community: Community | None) -> bool:
    return community is not None and _holds(user, community, CommunityRoleKind.COMMUNITY_HEAD)


@rules.predicate
def is_front_work_committee_head(user: User, community: Community | None) -> bool:
    return community is not None and _holds(user, community, CommunityRoleKind.FRONT_WORK_COMMITTEE_HEAD)


@rules.predicate
def manages_commune(user: User, commune: AdministrativeUnit | None) -> bool:
    """An officer of an organisation of this very commune, or a system administrator."""
    if commune is None or not user.is_authenticated:
        return False
    return user_is_system_admin(user=user) or any(
        m.organization.unit_id == commune.pk for m in user_memberships(user=user)
    )


rules.add_perm("communities.add_community", manages_commune)
rules.add_perm("communities.view_households", covers_commune | is_community_head | is_front_work_committee_head)
rules.add_perm("communities.manage_households", is_commune_officer | is_community_head)
