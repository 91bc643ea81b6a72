"""Organisation pages and the API: scoping, bad input, htmx fragments, query budgets."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.accounts.models import Membership, Organization, OrganizationKind
from danvan.audit.models import AuditEvent
from danvan.geography.models import Kind, Level
from danvan.testing import make_unit, make_user


def test_officer_of_commune_a_never_sees_commune_b(world, as_persona):
    body = as_persona("officer_same").get("/accounts/organizations/").content.decode()
    assert world.org_a.name in body
    assert world.org_b.name not in body
    assert world.org_other.name not in body
    api = as_persona("officer_same").get("/api/accounts/organizations").json()
    assert {o["name"] for o in api} == {world.org_a.name, world.mttq_a.name}


def test_province_role_covers_the_province_only(world, as_persona):
    names = {o["name"] for o in as_persona("province_inspector").get("/api/accounts/organizations").json()}
    assert world.org_a.name in names
    assert world.org_b.name in names
    assert world.inspectorate.name in names
    assert world.org_other.name not in names


def test_system_admin_sees_every_province(world, as_persona):
    names = {o["name"] for o in as_persona("system_admin").get("/api/accounts/organizations").json()}
    assert world.org_other.name in names


def test_organization_list_query_budget(world, as_persona):
    client = as_persona("province_inspector")
    for i in range(30):
        unit = make_unit(f"9{i:04d}", f"Xã Thử {i}", Level.COMMUNE, Kind.COMMUNE, world.province)
        Organization.objects.create(name=f"UBND xã Thử {i}", kind=OrganizationKind.COMMUNE_COMMITTEE, unit=unit)
    with CaptureQueriesContext(connection) as few:
        client.get("/accounts/organizations/")
    for i in range(30, 60):
        unit = make_unit(f"9{i:04d}", f"Xã Thử {i}", Level.COMMUNE, Kind.COMMUNE, world.province)
        Organization.objects.create(name=f"UBND xã Thử {i}", kind=OrganizationKind.COMMUNE_COMMITTEE, unit=unit)
    with CaptureQueriesContext(connection) as many:
        response = client.get("/accounts/organizations/")
    assert response.content.decode().count("UBND xã Thử") == 60
    assert len(many) == len(few)
    assert len(many) <= 12


def test_member_add_bad_input_changes_nothing(world, personas, as_persona):
    client = as_persona("org_admin")
    before = (Membership.objects.count(), AuditEvent.objects.count())
    response = client.post(f"/accounts/organizations/{world.org_a.pk}/members/", {"username": "ghost", "role": "x"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Không có tài khoản nào có tên đăng nhập này" in body
    assert (Membership.objects.count(), AuditEvent.objects.count()) == before


def test_member_add_twice_is_refused_with_a_clear_message(world, personas, as_persona):
    make_user("newcomer")
    client = as_persona("org_admin")
    url = f"/accounts/organizations/{world.org_a.pk}/members/"
    assert client.post(url, {"username": "newcomer", "role": "org_admin"}).status_code == 302
    before = (Membership.objects.count(), AuditEvent.objects.count())
    again = client.post(url, {"username": "newcomer", "role": "org_admin"}, headers={"HX-Request": "true"})
    assert again.status_code == 200
    assert 'id="member-form"' in again.content.decode()
    assert "<html" not in again.content.decode()
    assert "đã giữ vai trò này" in again.content.decode()
    assert (Membership.objects.count(), AuditEvent.objects.count()) == before


def test_member_add_by_htmx_redirects_the_page(world, personas, as_persona):
    make_user("newcomer")
    response = as_persona("org_admin").post(
        f"/accounts/organizations/{world.org_a.pk}/members/",
        {"username": "newcomer", "role": "org_admin"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response["HX-Redirect"] == f"/accounts/organizations/{world.org_a.pk}/"


def test_org_admin_cannot_grant_system_admin(world, personas, as_persona):
    make_user("newcomer")
    response = as_persona("org_admin").post(
        f"/api/accounts/organizations/{world.org_a.pk}/members",
        {"username": "newcomer", "role": "system_admin"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert response.json()["code"] == "system_admin_only"
    assert not Membership.objects.filter(user__username="newcomer").exists()


@pytest.mark.parametrize(
    "payload",
    [{"username": "newcomer"}, {"username": "newcomer", "role": "emperor"}, {"role": "case_handler"}, {}],
)
def test_api_rejects_bad_payloads_with_vietnamese_messages(world, personas, as_persona, payload):
    make_user("newcomer")
    before = Membership.objects.count()
    response = as_persona("org_admin").post(
        f"/api/accounts/organizations/{world.org_a.pk}/members", payload, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"
    assert response.json()["message"] == "Một số trường thông tin còn thiếu hoặc không hợp lệ."
    assert Membership.objects.count() == before


def test_api_malformed_json(world, personas, as_persona):
    response = as_persona("org_admin").post(
        f"/api/accounts/organizations/{world.org_a.pk}/members", "{not json", content_type="application/json"
    )
    assert response.status_code in (400, 422)
    assert "Traceback" not in response.content.decode()


def test_remote_flag_needs_a_legal_basis(world, personas, as_persona):
    response = as_persona("system_admin").post(f"/geography/{world.commune_a.pk}/remote/", {"is_remote": "on"})
    assert response.status_code == 400
    assert "căn cứ pháp lý" in response.content.decode()
    world.commune_a.refresh_from_db()
    assert not world.commune_a.is_remote
