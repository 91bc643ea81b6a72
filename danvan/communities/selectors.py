"""Reads about communities and households, scoped to the user asking (404 outside the scope)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from danvan.accounts.models import User
from danvan.accounts.selectors import jurisdiction_filter, user_is_officer, user_is_system_admin, user_memberships
from danvan.communities.models import Community, CommunityRole, Household
from danvan.core.text import fold
from danvan.geography.models import AdministrativeUnit


def household_count(community: Community, *, on: dt.date) -> int:
    """How many households belong to ``community`` on ``on`` (a vote's threshold uses the count of its day)."""
    return Household.objects.filter(community=community).on(on).count()


def user_community_ids(*, user: User, day: dt.date | None = None) -> set[int]:
    """The communities where the user holds a role on ``day`` (default today)."""
    if not user.is_authenticated or not user.is_active:
        return set()
    active = CommunityRole.objects.active_on(day or timezone.localdate()).filter(user=user)
    return set(active.values_list("community_id", flat=True))


def user_has_community_access(*, user: User) -> bool:
    return user_is_officer(user=user) or bool(user_community_ids(user=user))


def community_list_for_user(*, user: User, include_past: bool = False) -> QuerySet[Community]:
    """The communities of the communes the user's memberships cover, and those where the user holds a role;
    each with ``household_total``, its households today."""
    today = timezone.localdate()
    communities = Community.objects.all()
    if not include_past:
        communities = communities.current_on(today)
    scope = jurisdiction_filter(user=user, prefix="commune") if user_is_officer(user=user) else Q(pk__in=[])
    roles = user_community_ids(user=user)
    if scope is not None:
        communities = communities.filter(scope | Q(pk__in=roles))
    present = Q(households__joined_on__lte=today) & (
        Q(households__left_on__isnull=True) | Q(households__left_on__gt=today)
    )
    return (
        communities.select_related("commune", "kind")
        .annotate(household_total=Count("households", filter=present))
        .order_by("commune__name", "name")
    )


def community_get_for_user(*, user: User, community_id: int) -> Community:
    """The community if the user may read its register; ``Community.DoesNotExist`` otherwise (same 404)."""
    community = Community.objects.select_related("commune", "kind", "successor").get(pk=community_id)
    if not user.has_perm("communities.view_households", community):
        raise Community.DoesNotExist
    return community


def household_list(
    *, user: User, community: Community, query: str = "", on: dt.date | None = None
) -> QuerySet[Household]:
    """The community's households on ``on`` (default today), searched by code or the representative's name,
    accent-insensitive (``nguyen van an`` finds ``Nguyễn Văn An``); none for a user who may not read them."""
    if not user.has_perm("communities.view_households", community):
        return Household.objects.none()
    households = Household.objects.filter(community=community).on(on or timezone.localdate())
    folded = fold(query)[:100]
    if folded:
        households = households.filter(Q(representative_folded__contains=folded) | Q(code__icontains=folded))
    return households.order_by("code")


def community_roles(*, community: Community) -> QuerySet[CommunityRole]:
    return (
        CommunityRole.objects.active_on(timezone.localdate())
        .filter(community=community)
        .select_related("user")
        .order_by("role", "user__full_name")
    )


def communes_for_new_community(*, user: User) -> QuerySet[AdministrativeUnit]:
    """The current communes where the user may add a village or residential group."""
    communes = AdministrativeUnit.objects.current().communes().order_by("name")
    units = {m.organization.unit_id for m in user_memberships(user=user)}
    if user_is_system_admin(user=user):  # the communes of the administrator's own province(s)
        return communes.filter(Q(pk__in=units) | Q(province_id__in=units))
    return communes.filter(pk__in=units)
