from __future__ import annotations

import datetime as dt

import pytest

from danvan.accounts.models import Role
from danvan.cases.models import Petition
from danvan.cases.services.intake import PartyData, PetitionData, petition_submit
from danvan.search import backends
from danvan.search.minhash import stats
from danvan.search.services import index_petition
from danvan.testing import World, make_user

ID_AN = "001085012345"
ID_HUE = "038190123456"


def data_for(world: World, **overrides) -> PetitionData:
    values = {
        "kind": "complaint",
        "complaint_round": 1,
        "subject": "Khiếu nại quyết định thu hồi đất",
        "content": "Tôi khiếu nại Quyết định số 15/QĐ-UBND về việc thu hồi đất nông nghiệp của gia đình tôi.",
        "unit": world.commune_a,
        "received_on": dt.date(2026, 11, 2),
        "parties": [PartyData(full_name="Nguyễn Văn An", personal_id=ID_AN, phone="0912345678")],
    }
    values.update(overrides)
    return PetitionData(**values)


@pytest.fixture
def make_petition(world: World):
    def _make(org=None, **overrides) -> Petition:
        data = data_for(world, **overrides)
        org = org or (world.org_a if data.unit == world.commune_a else world.org_b)
        petition = petition_submit(actor=None, data=data, receiving_organization=org).petition
        index_petition(petition.pk)
        return petition

    return _make


def pytest_generate_tests(metafunc):
    """On PostgreSQL, tests that use ``search_strategy`` run through both query shapes (narrow and wide scope)."""
    if "search_strategy" in metafunc.fixturenames:
        from django.conf import settings

        postgres = "postgresql" in settings.DATABASES["default"]["ENGINE"]
        metafunc.parametrize("search_strategy", ["narrow", "wide"] if postgres else ["fts5"], indirect=True)


@pytest.fixture
def search_strategy(request, monkeypatch):
    """Test data is tiny, so every scope is narrow: "wide" lowers the threshold to take the other path."""
    if request.param == "wide":
        monkeypatch.setattr(backends, "NARROW_SCOPE", -1)
    return request.param


@pytest.fixture(autouse=True)
def _fresh_stop_list():
    stats.reset()
    yield
    stats.reset()


@pytest.fixture
def handler_a(world: World):
    return make_user("handler_a", org=world.org_a, role=Role.CASE_HANDLER)


@pytest.fixture
def head_a(world: World):
    return make_user("head_a", org=world.org_a, role=Role.UNIT_HEAD)


def denunciation(**overrides) -> dict:
    values = {
        "kind": "denunciation",
        "complaint_round": None,
        "subject": "Tố cáo cán bộ địa chính nhận tiền",
        "content": "Tôi là Lường Thị Huệ, số điện thoại 0987 654 321, tố cáo cán bộ địa chính xã "
        "thu thêm 2.000.000 đồng khi làm thủ tục cấp giấy chứng nhận quyền sử dụng đất.",
        "respondent_name": "Cán bộ địa chính Hoàng Văn Tâm",
        "parties": [PartyData(full_name="Lường Thị Huệ", personal_id=ID_HUE, phone="+84 987 654 321")],
    }
    values.update(overrides)
    return values
