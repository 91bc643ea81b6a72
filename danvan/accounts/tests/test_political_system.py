"""The organisations of the whole political system and their office holders (issue #11 §4)."""

from __future__ import annotations

import pytest

from danvan.accounts.models import Membership, Organization, OrganizationKind, Role
from danvan.accounts.selectors import user_covers_unit, user_has_role, user_is_system_admin
from danvan.accounts.services import membership_add, organization_create
from danvan.testing import World, make_user

pytestmark = pytest.mark.django_db


def test_existing_kinds_and_roles_keep_their_stored_values() -> None:
    # Rows already stored and the permission code compare these strings: they never change.
    assert {
        "commune_committee",
        "provincial_committee",
        "mass_mobilization_board",
        "fatherland_front",
        "farmers_union",
        "womens_union",
        "youth_union",
        "veterans_association",
        "trade_union",
        "inspectorate",
        "department",
        "police",
    } <= set(OrganizationKind.values)
    assert {
        "reception_officer",
        "case_handler",
        "unit_head",
        "inspector",
        "mass_org_officer",
        "org_admin",
        "system_admin",
    } <= set(Role.values)


def test_the_political_system_of_a_commune(world: World) -> None:
    commune = world.commune_a
    party = organization_create(
        actor=None, name="Đảng ủy phường Tân Phong", kind=OrganizationKind.PARTY_COMMITTEE, unit=commune
    )
    board = organization_create(
        actor=None,
        name="Ban Tuyên giáo và Dân vận Đảng ủy phường Tân Phong",
        kind=OrganizationKind.MASS_MOBILIZATION_BOARD,
        unit=commune,
        parent=party,
    )
    council = organization_create(
        actor=None, name="Hội đồng nhân dân phường Tân Phong", kind=OrganizationKind.PEOPLES_COUNCIL, unit=commune
    )
    members = [
        organization_create(actor=None, name=name, kind=kind, unit=commune, parent=world.mttq_a)
        for name, kind in [
            ("Hội Nông dân phường Tân Phong", OrganizationKind.FARMERS_UNION),
            ("Hội Liên hiệp Phụ nữ phường Tân Phong", OrganizationKind.WOMENS_UNION),
            ("Đoàn TNCS Hồ Chí Minh phường Tân Phong", OrganizationKind.YOUTH_UNION),
            ("Hội Cựu chiến binh phường Tân Phong", OrganizationKind.VETERANS_ASSOCIATION),
            ("Công đoàn phường Tân Phong", OrganizationKind.TRADE_UNION),
        ]
    ]
    inspection = organization_create(
        actor=None,
        name="Ban Thanh tra nhân dân phường Tân Phong",
        kind=OrganizationKind.PEOPLES_INSPECTION_BOARD,
        unit=commune,
        parent=world.mttq_a,
    )
    investment = organization_create(
        actor=None,
        name="Ban Giám sát đầu tư của cộng đồng phường Tân Phong",
        kind=OrganizationKind.COMMUNITY_INVESTMENT_BOARD,
        unit=commune,
        parent=world.mttq_a,
    )
    delegation = organization_create(
        actor=None,
        name="Đoàn đại biểu Quốc hội tỉnh Lai Châu",
        kind=OrganizationKind.NATIONAL_ASSEMBLY_DELEGATION,
        unit=world.province,
    )
    assert board.parent == party
    assert set(world.mttq_a.children.all()) == {*members, inspection, investment}
    assert Organization.objects.get(pk=delegation.pk).get_kind_display() == "Đoàn đại biểu Quốc hội"

    chairman = make_user("chu_tich_hdnd")
    membership_add(actor=None, organization=council, user=chairman, role=Role.CHAIRMAN)
    secretary = make_user("bi_thu")
    membership_add(actor=None, organization=party, user=secretary, role=Role.PARTY_SECRETARY)
    assert Membership.objects.get(user=chairman).get_role_display() == "Chủ tịch"
    assert Membership.objects.get(user=secretary).get_role_display() == "Bí thư"
    # an office holder covers the commune of the organisation, and holds no workflow role
    assert user_covers_unit(user=chairman, unit=commune)
    assert not user_covers_unit(user=chairman, unit=world.commune_b)
    assert not user_has_role(user=chairman, role=Role.UNIT_HEAD)
    assert not user_is_system_admin(user=chairman)
