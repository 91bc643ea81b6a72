"""Every page of the villages and residential groups, for every persona (and the village's own office
holders): allowed ones succeed, denied ones get 302/403/404 and change nothing."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import load_workbook

from danvan.audit.models import AuditEvent
from danvan.communities.models import Community, CommunityKind, CommunityRoleKind, Household
from danvan.communities.services import community_create, community_role_assign, household_add
from danvan.communities.tests.conftest import START, household
from danvan.testing import PERSONAS, World, login_client, make_user
from danvan.testing.matrix import Endpoint, call_endpoint, is_denied, officers

GOOD_CSV = "Mã hộ,Họ và tên đại diện hộ,Số nhân khẩu\nH900,Lò Văn Hùng,5\n".encode()


def _village(w: World) -> Community:
    community = Community.objects.filter(commune=w.commune_a, name="Thôn Nà Khum").first()
    if community is None:
        community = community_create(
            actor=None, commune=w.commune_a, kind=CommunityKind.THON, name="Thôn Nà Khum", valid_from=START
        )
        household_add(actor=None, community=community, data=household("H001", "Nguyễn Văn An"))
    return community


def _upload(w: World) -> dict[str, object]:
    return {"file": SimpleUploadedFile("ho.csv", GOOD_CSV, content_type="text/csv")}


READERS = officers(200, officer_other=404)
MANAGERS = officers(200, officer_other=404, province_inspector=403)

ADDERS = officers(200, province_inspector=403)


def _new_village(w: World) -> dict[str, object]:
    return {"commune": w.commune_a.pk, "kind": CommunityKind.THON, "name": "Thôn Mới", "cluster": "Cụm 2"}


ENDPOINTS = [
    Endpoint("communities:list", "get", lambda w: "/workspace/communities/", officers(200)),
    Endpoint("communities:new", "get", lambda w: "/workspace/communities/new/", ADDERS),
    Endpoint(
        "communities:new",
        "post",
        lambda w: "/workspace/communities/new/",
        officers(302, officer_other=400, province_inspector=403),
        _new_village,
    ),
    Endpoint("communities:detail", "get", lambda w: f"/workspace/communities/{_village(w).pk}/?q=nguyen", READERS),
    Endpoint("communities:import", "get", lambda w: f"/workspace/communities/{_village(w).pk}/import/", MANAGERS),
    Endpoint(
        "communities:import", "post", lambda w: f"/workspace/communities/{_village(w).pk}/import/", MANAGERS, _upload
    ),
    Endpoint("communities:export", "post", lambda w: f"/workspace/communities/{_village(w).pk}/export/", MANAGERS),
]


def _state(village: Community) -> tuple[int, int]:
    return Household.objects.filter(community=village).count(), AuditEvent.objects.count()


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: f"{e.method} {e.name}")
def test_endpoint_for_persona(endpoint, persona, world, personas, as_persona):
    village = _village(world)
    before = _state(village)
    response = call_endpoint(endpoint, as_persona(persona), world)
    expected = endpoint.expected[persona]
    assert response.status_code == expected, f"{endpoint.name} as {persona}"
    created = Community.objects.filter(name="Thôn Mới").count()
    if endpoint.name == "communities:new" and endpoint.method == "post":
        assert created == (1 if expected == 302 and persona != "anonymous" else 0)
    elif is_denied(expected, persona):
        assert _state(village) == before
    elif endpoint.name == "communities:import" and endpoint.method == "post":
        assert Household.objects.filter(community=village, code="H900").count() == 1
    elif endpoint.name == "communities:export":
        assert AuditEvent.objects.filter(action="communities.households_exported").count() == 1


def test_the_list_shows_only_my_communes(world, as_persona):
    _village(world)
    community_create(actor=None, commune=world.commune_b, kind=CommunityKind.BAN, name="Bản Phong Thổ")
    same = as_persona("officer_same").get("/workspace/communities/").content.decode()
    other = as_persona("officer_other").get("/workspace/communities/").content.decode()
    inspector = as_persona("province_inspector").get("/workspace/communities/").content.decode()
    assert "Thôn Nà Khum" in same
    assert "Bản Phong Thổ" not in same
    assert "Bản Phong Thổ" in other
    assert "Thôn Nà Khum" not in other
    assert "Thôn Nà Khum" in inspector
    assert "Bản Phong Thổ" in inspector


@pytest.fixture
def holders(world: World) -> dict[str, Client]:
    """The village's own people: head, Front work committee head and member, a former head; none an officer."""
    village = _village(world)
    clients = {}
    for name, role, valid_to in [
        ("head", CommunityRoleKind.COMMUNITY_HEAD, None),
        ("front_head", CommunityRoleKind.FRONT_WORK_COMMITTEE_HEAD, None),
        ("front_member", CommunityRoleKind.FRONT_WORK_COMMITTEE_MEMBER, None),
        ("former_head", CommunityRoleKind.COMMUNITY_HEAD, dt.date(2024, 12, 31)),
    ]:
        user = make_user(name)
        community_role_assign(actor=None, user=user, community=village, role=role, valid_from=START, valid_to=valid_to)
        clients[name] = login_client(Client(), user)
    return clients


@pytest.mark.parametrize(
    ("holder", "detail", "import_", "export"),
    [
        ("head", 200, 200, 200),
        ("front_head", 200, 403, 403),
        ("front_member", 404, 404, 404),  # a role in the village, but not one that reads the register
        ("former_head", 403, 403, 403),
    ],
)
def test_village_office_holders(world, holders, holder, detail, import_, export):
    village = _village(world)
    client = holders[holder]
    assert client.get(f"/workspace/communities/{village.pk}/").status_code == detail
    assert client.get("/workspace/communities/new/").status_code == 403
    before = _state(village)
    response = client.post(f"/workspace/communities/{village.pk}/import/", _upload(world))
    assert response.status_code == import_
    if import_ != 200:
        assert _state(village) == before
    before = _state(village)
    response = client.post(f"/workspace/communities/{village.pk}/export/")
    assert response.status_code == export
    if export != 200:
        assert _state(village) == before
    else:
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert sheet is not None
        assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["H001", "H900"]


def test_a_village_head_sees_only_the_own_village(world, holders):
    other = community_create(actor=None, commune=world.commune_a, kind=CommunityKind.THON, name="Thôn Khác")
    page = holders["head"].get("/workspace/communities/").content.decode()
    assert "Thôn Nà Khum" in page
    assert "Thôn Khác" not in page
    assert holders["head"].get(f"/workspace/communities/{other.pk}/").status_code == 404
