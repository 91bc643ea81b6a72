"""Reads scoped to the user: who sees which communities and households."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.communities.models import Community, CommunityKind
from danvan.communities.selectors import community_get_for_user, community_list_for_user, household_list
from danvan.communities.services import community_create, community_merge

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("citizen", False),
        ("officer_same", True),
        ("officer_other", False),
        ("province_inspector", True),
        ("mttq_officer", True),
        ("org_admin", True),
        ("system_admin", True),
    ],
)
def test_households_only_for_the_communes_officers(world, personas, village: Community, persona, sees) -> None:
    user = personas[persona]
    codes = list(household_list(user=user, community=village, query="dao").values_list("code", flat=True))
    assert codes == (["H002"] if sees else [])
    assert (village in community_list_for_user(user=user)) is sees
    if not sees:
        with pytest.raises(Community.DoesNotExist):
            community_get_for_user(user=user, community_id=village.pk)


def test_the_list_counts_todays_households_and_hides_merged_villages(world, personas, village: Community) -> None:
    community_create(actor=None, commune=world.commune_a, kind=CommunityKind.THON, name="Thôn Trống")
    old = community_create(actor=None, commune=world.commune_a, kind=CommunityKind.THON, name="Thôn Cũ")
    community_merge(actor=None, sources=[old], into=village, on=dt.date(2025, 1, 1))
    listed = {c.name: c.household_total for c in community_list_for_user(user=personas["officer_same"])}
    assert listed == {"Thôn Nà Khum": 3, "Thôn Trống": 0}
