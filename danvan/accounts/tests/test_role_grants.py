"""No self-elevation (confidentiality issue): nobody grants themselves a role, an organisation administrator grants
only roles they hold there, and a head's role comes from the level above or a system administrator. Every refusal
changes nothing; every grant is audited."""

from __future__ import annotations

import pytest

from danvan.accounts.models import Membership, Role
from danvan.audit.models import AuditEvent
from danvan.testing import login_client, make_user


def _post_web(client, org, username, role):
    return client.post(f"/accounts/organizations/{org.pk}/members/", {"username": username, "role": role})


def _post_api(client, org, username, role):
    return client.post(
        f"/api/accounts/organizations/{org.pk}/members",
        {"username": username, "role": role},
        content_type="application/json",
    )


def _state():
    return (
        sorted(Membership.objects.values_list("user__username", "organization_id", "role", "is_active")),
        AuditEvent.objects.count(),
    )


@pytest.fixture
def province_admin(world):
    return make_user("province_admin", org=world.province_committee, role=Role.ORG_ADMIN)


REFUSALS = [
    # (actor persona, target, role, error code)
    ("org_admin", "self", Role.UNIT_HEAD, "self_grant"),
    ("org_admin", "self", Role.CASE_HANDLER, "self_grant"),
    ("org_admin", "newcomer", Role.UNIT_HEAD, "head_role_from_above"),
    ("org_admin", "newcomer", Role.CHAIRMAN, "head_role_from_above"),
    ("org_admin", "newcomer", Role.CASE_HANDLER, "role_not_held"),
    ("org_admin", "newcomer", Role.INSPECTOR, "role_not_held"),
    ("org_admin", "newcomer", Role.SYSTEM_ADMIN, "system_admin_only"),
    ("system_admin", "self", Role.UNIT_HEAD, "self_grant"),
]


@pytest.mark.parametrize(("actor", "target", "role", "code"), REFUSALS)
def test_refused_grants_change_nothing_on_the_api(world, personas, as_persona, actor, target, role, code):
    make_user("newcomer")
    username = personas[actor].username if target == "self" else target
    before = _state()
    response = _post_api(as_persona(actor), world.org_a, username, role)
    assert response.status_code == 403
    assert response.json()["code"] == code
    assert _state() == before


@pytest.mark.parametrize(("actor", "target", "role", "code"), REFUSALS)
def test_refused_grants_say_why_on_the_web(world, personas, as_persona, actor, target, role, code):
    make_user("newcomer")
    username = personas[actor].username if target == "self" else target
    before = _state()
    response = _post_web(as_persona(actor), world.org_a, username, role)
    assert response.status_code == 400
    assert _state() == before


def test_the_org_admin_cannot_make_themselves_head_and_read_identities(world, personas, as_persona):
    response = _post_web(as_persona("org_admin"), world.org_a, "org_admin", Role.UNIT_HEAD)
    assert "Bạn không thể tự cấp vai trò cho chính mình" in response.content.decode()
    assert not Membership.objects.filter(user=personas["org_admin"], role=Role.UNIT_HEAD).exists()


def test_an_org_admin_grants_a_role_they_hold(world, personas, client):
    admin = personas["org_admin"]
    Membership.objects.create(user=admin, organization=world.org_a, role=Role.CASE_HANDLER)
    make_user("newcomer")
    response = _post_api(login_client(client, admin), world.org_a, "newcomer", Role.CASE_HANDLER)
    assert response.status_code == 201
    assert Membership.objects.filter(user__username="newcomer", role=Role.CASE_HANDLER, is_active=True).exists()
    event = AuditEvent.objects.get(action="accounts.membership_added")
    assert (event.actor, event.data["role"]) == (admin, Role.CASE_HANDLER)


def test_a_role_held_in_another_organisation_does_not_count(world, personas, client):
    admin = personas["org_admin"]
    Membership.objects.create(user=admin, organization=world.mttq_a, role=Role.CASE_HANDLER)
    make_user("newcomer")
    before = _state()
    response = _post_api(login_client(client, admin), world.org_a, "newcomer", Role.CASE_HANDLER)
    assert response.json()["code"] == "role_not_held"
    assert _state() == before


@pytest.mark.parametrize("granter", ["province_admin", "system_admin"])
def test_the_head_is_granted_from_above_and_audited(world, personas, client, province_admin, granter):
    actor = province_admin if granter == "province_admin" else personas[granter]
    make_user("new_head")
    response = _post_api(login_client(client, actor), world.org_a, "new_head", Role.UNIT_HEAD)
    assert response.status_code == 201
    event = AuditEvent.objects.get(action="accounts.membership_added")
    assert (event.actor, event.organization_id, event.data["role"]) == (actor, world.org_a.pk, Role.UNIT_HEAD)


def test_a_province_admin_of_another_province_is_not_the_level_above(world, client):
    from danvan.accounts.models import Organization, OrganizationKind

    hanoi = Organization.objects.create(
        name="UBND Thành phố Hà Nội", kind=OrganizationKind.PROVINCIAL_COMMITTEE, unit=world.other_province
    )
    outsider = make_user("hanoi_admin", org=hanoi, role=Role.ORG_ADMIN)
    make_user("new_head")
    login_client(client, outsider)
    response = _post_api(client, world.org_a, "new_head", Role.UNIT_HEAD)
    assert response.status_code == 404  # commune A lies outside Hà Nội's jurisdiction
    assert not Membership.objects.filter(user__username="new_head").exists()
