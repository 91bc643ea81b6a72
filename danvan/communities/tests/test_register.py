"""Communities, their history and the household register: counts on a date across every change."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.audit.models import AuditEvent
from danvan.communities.models import ChangeKind, Community, CommunityKind, Household
from danvan.communities.selectors import household_count
from danvan.communities.services import (
    community_create,
    community_dissolve,
    community_merge,
    community_rename,
    household_add,
    household_leave,
    household_move,
)
from danvan.communities.tests.conftest import START, household
from danvan.core.errors import DomainError
from danvan.testing import World

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)


def test_create_needs_a_current_commune_and_a_free_name(world: World, village: Community) -> None:
    with pytest.raises(DomainError) as err:
        community_create(actor=None, commune=world.province, kind=CommunityKind.THON, name="Thôn Mới")
    assert err.value.code == "communities_not_a_commune"
    with pytest.raises(DomainError) as err:
        community_create(actor=None, commune=world.commune_a, kind=CommunityKind.THON, name="THÔN NÀ  KHUM")
    assert err.value.code == "communities_name_taken"
    with pytest.raises(DomainError) as err:
        community_create(actor=None, commune=world.commune_a, kind="district", name="Thôn Mới")
    assert err.value.code == "communities_kind_invalid"
    # the same name in another commune is fine
    same = community_create(actor=None, commune=world.commune_b, kind=CommunityKind.THON, name="Thôn Nà Khum")
    assert same.commune == world.commune_b
    assert Community.objects.filter(name="Thôn Nà Khum").count() == 2
    assert village.changes.get().kind == ChangeKind.ESTABLISHED


def test_household_count_on_a_date_across_joins_moves_and_leaves(village: Community, other_village: Community) -> None:
    assert household_count(village, on=START - DAY) == 0
    assert household_count(village, on=START) == 3
    joined = dt.date(2024, 3, 1)
    household_add(actor=None, community=village, data=household("H004", "Hà Văn Dũng", joined_on=joined))
    assert household_count(village, on=joined - DAY) == 3
    assert household_count(village, on=joined) == 4

    moved_on = dt.date(2024, 6, 15)
    h1 = Household.objects.get(community=village, code="H001")
    arrived = household_move(actor=None, household=h1, to=other_village, on=moved_on)
    assert arrived.community == other_village
    assert arrived.code == "H001"
    assert arrived.joined_on == moved_on
    h1.refresh_from_db()
    assert h1.left_on == moved_on
    assert h1.moved_to == arrived
    assert household_count(village, on=moved_on - DAY) == 4
    assert household_count(village, on=moved_on) == 3
    assert household_count(other_village, on=moved_on - DAY) == 0
    assert household_count(other_village, on=moved_on) == 1

    left_on = dt.date(2024, 9, 1)
    household_leave(actor=None, household=Household.objects.get(community=village, code="H002"), on=left_on)
    assert household_count(village, on=left_on - DAY) == 3
    assert household_count(village, on=left_on) == 2
    # the past is unchanged
    assert household_count(village, on=START) == 3
    assert AuditEvent.objects.filter(action="communities.household_moved").count() == 1


def test_moving_twice_or_before_joining_is_refused(world: World, village: Community, other_village: Community) -> None:
    h1 = Household.objects.get(community=village, code="H001")
    with pytest.raises(DomainError) as err:  # Bản Hon did not exist yet
        household_move(actor=None, household=h1, to=other_village, on=START - DAY)
    assert err.value.code == "communities_not_current"
    undated = community_create(actor=None, commune=world.commune_a, kind=CommunityKind.AP, name="Ấp Một")
    with pytest.raises(DomainError) as err:  # before the household joined
        household_move(actor=None, household=h1, to=undated, on=START - DAY)
    assert err.value.code == "communities_bad_date"
    assert not Household.objects.filter(community=undated).exists()
    household_move(actor=None, household=h1, to=other_village, on=dt.date(2024, 5, 1))
    with pytest.raises(DomainError) as err:
        household_move(actor=None, household=h1, to=other_village, on=dt.date(2024, 6, 1), code="H009")
    assert err.value.code == "communities_household_left"
    assert Household.objects.filter(community=other_village).count() == 1


def test_a_code_is_unique_in_a_community(village: Community) -> None:
    with pytest.raises(DomainError) as err:
        household_add(actor=None, community=village, data=household("H001"))
    assert err.value.code == "communities_household_code_taken"
    assert Household.objects.filter(community=village).count() == 3


def test_rename_keeps_the_history(village: Community) -> None:
    on = dt.date(2025, 7, 1)
    community_rename(actor=None, community=village, name="Thôn Nà Khum Mới", on=on, basis="Nghị quyết số 12/NQ-HĐND")
    village.refresh_from_db()
    assert village.name == "Thôn Nà Khum Mới"
    change = village.changes.get(kind=ChangeKind.RENAMED)
    assert (change.old_name, change.new_name, change.effective_date) == ("Thôn Nà Khum", "Thôn Nà Khum Mới", on)
    assert household_count(village, on=on) == 3


def test_merge_moves_the_households_and_ends_the_source(village: Community, other_village: Community) -> None:
    household_add(actor=None, community=other_village, data=household("H001", "Lường Văn Ếch"))
    household_add(actor=None, community=other_village, data=household("H010", "Quàng Thị Gấm"))
    on = dt.date(2025, 1, 1)
    community_merge(actor=None, sources=[other_village], into=village, on=on, basis="Nghị quyết số 5/NQ-HĐND")
    other_village.refresh_from_db()
    assert other_village.valid_to == on - DAY
    assert other_village.successor == village
    assert household_count(village, on=on - DAY) == 3
    assert household_count(village, on=on) == 5
    assert household_count(other_village, on=on - DAY) == 2
    assert household_count(other_village, on=on) == 0
    codes = set(Household.objects.filter(community=village).values_list("code", flat=True))
    assert codes == {"H001", "H002", "H003", "BH-H001", "H010"}
    assert other_village.changes.filter(kind=ChangeKind.MERGED, other=village).count() == 1
    assert not Community.objects.current_on(on).filter(pk=other_village.pk).exists()
    # a merged community takes no more changes
    with pytest.raises(DomainError) as err:
        household_add(actor=None, community=other_village, data=household("H099", joined_on=on))
    assert err.value.code == "communities_not_current"


def test_merge_refuses_itself_and_other_communes(world: World, village: Community) -> None:
    elsewhere = community_create(actor=None, commune=world.commune_b, kind=CommunityKind.THON, name="Thôn Xa")
    with pytest.raises(DomainError) as err:
        community_merge(actor=None, sources=[village], into=village, on=dt.date(2025, 1, 1))
    assert err.value.code == "communities_merge_into_itself"
    with pytest.raises(DomainError) as err:
        community_merge(actor=None, sources=[elsewhere], into=village, on=dt.date(2025, 1, 1))
    assert err.value.code == "communities_merge_other_commune"
    village.refresh_from_db()
    elsewhere.refresh_from_db()
    assert village.valid_to is None
    assert elsewhere.valid_to is None


def test_dissolve_needs_an_empty_register(village: Community, other_village: Community) -> None:
    on = dt.date(2025, 1, 1)
    with pytest.raises(DomainError) as err:
        community_dissolve(actor=None, community=village, on=on)
    assert err.value.code == "communities_has_households"
    community_dissolve(actor=None, community=other_village, on=on)
    other_village.refresh_from_db()
    assert other_village.valid_to == on - DAY
    assert other_village.changes.filter(kind=ChangeKind.DISSOLVED).count() == 1
