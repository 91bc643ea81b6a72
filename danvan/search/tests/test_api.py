"""The search API: the same scope and the same stubs as the pages; bad input is a 422 or a result, never a 500."""

from __future__ import annotations

import pytest
from django.test import Client

from danvan.accounts.tokens import api_token_create
from danvan.cases.services.intake import PartyData, petition_submit
from danvan.search.services import index_petition

from .conftest import ID_AN, data_for
from .test_views import BAD_INPUT

pytestmark = pytest.mark.django_db

PERSON = {"full_name": "Nguyễn Văn An", "personal_id": ID_AN, "phone": "0912345678"}


def submit(world, org, **overrides):
    petition = petition_submit(actor=None, data=data_for(world, **overrides), receiving_organization=org).petition
    index_petition(petition.pk)
    return petition


def test_search_returns_the_matches_the_user_may_see(world, as_persona, make_petition):
    here = make_petition(subject="Cầu treo bản Nậm Cấu xuống cấp", content="Đề nghị sửa cầu treo.")
    make_petition(unit=world.commune_b, subject="Cầu treo xã Phong Thổ", content="Đề nghị sửa cầu treo.")
    body = as_persona("officer_same").get("/api/search/petitions", {"q": "cau treo"}).json()
    assert (body["total"], body["capped"], body["fuzzy"]) == (1, False, False)
    [item] = body["items"]
    assert (item["id"], item["tracking_code"], item["handling_organization_name"]) == (
        here.pk,
        here.tracking_code,
        world.org_a.name,
    )


@pytest.mark.parametrize("query", BAD_INPUT, ids=range(len(BAD_INPUT)))
def test_any_query_text_gives_a_result(as_persona, make_petition, query):
    make_petition()
    response = as_persona("officer_same").get("/api/search/petitions", {"q": query})
    assert response.status_code == 200
    assert response.json()["total"] >= 0


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 201}, {"offset": -1}, {"limit": "x"}, {"offset": 10_001}])
def test_out_of_range_paging_is_a_422(as_persona, params):
    response = as_persona("officer_same").get("/api/search/petitions", {"q": "đất", **params})
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"


def test_a_bearer_token_works_without_a_session(world, personas, make_petition):
    make_petition()
    issued = api_token_create(actor=personas["officer_same"], user=personas["officer_same"], name="Phần mềm một cửa")
    response = Client().get("/api/search/petitions", {"q": "thu hoi dat"}, HTTP_AUTHORIZATION=f"Bearer {issued.key}")
    assert (response.status_code, response.json()["total"]) == (200, 1)


def test_candidates_of_another_organisation_are_stubs(world, as_persona):
    earlier = submit(world, world.province_committee, content="Đèn tổ 7 hỏng.", parties=[PartyData(**PERSON)])
    mine = submit(world, world.org_a, content="Đèn đường hỏng, đề nghị sửa.", parties=[PartyData(**PERSON)])
    response = as_persona("officer_same").get(f"/api/search/petitions/{mine.pk}/candidates")
    assert response.status_code == 200
    [c] = response.json()
    assert c["tracking_code"] == earlier.tracking_code
    assert (c["id"], c["subject"], c["status"]) == (None, None, None)
    assert "pid" in c["codes"]
    assert c["organization"] == world.province_committee.name
    text = response.content.decode()
    for secret in [earlier.subject, "Đèn tổ 7", PERSON["full_name"], ID_AN, PERSON["phone"]]:
        assert secret not in text
    inspector = as_persona("province_inspector").get(f"/api/search/petitions/{mine.pk}/candidates")
    assert inspector.status_code == 403  # sees the petition, processes nothing
    assert as_persona("officer_other").get(f"/api/search/petitions/{mine.pk}/candidates").status_code == 404
    assert as_persona("officer_same").get(f"/api/search/petitions/{mine.pk}/candidates?limit=0").status_code == 422
