from __future__ import annotations

import datetime as dt

import pytest

from danvan.communities.fields import HouseholdData
from danvan.communities.models import Community, CommunityKind
from danvan.communities.services import community_create, household_add
from danvan.testing import World

START = dt.date(2024, 1, 1)


def household(code: str, name: str = "Nguyễn Văn An", *, members: int = 4, joined_on: dt.date = START) -> HouseholdData:
    return HouseholdData(
        code=code,
        representative_name=name,
        members=members,
        joined_on=joined_on,
        representative_birth_year=1970,
        phone="0912345678",
        address="Số 1 đường Trần Phú",
    )


@pytest.fixture
def village(world: World) -> Community:
    """Thôn Nà Khum of commune A with three households since 1 January 2024."""
    community = community_create(
        actor=None, commune=world.commune_a, kind=CommunityKind.THON, name="Thôn Nà Khum", valid_from=START
    )
    for code, name in [("H001", "Nguyễn Văn An"), ("H002", "Lò Thị Đào"), ("H003", "Tòng Văn Bình")]:
        household_add(actor=None, community=community, data=household(code, name))
    return community


@pytest.fixture
def other_village(world: World) -> Community:
    return community_create(
        actor=None, commune=world.commune_a, kind=CommunityKind.BAN, name="Bản Hon", valid_from=START
    )
