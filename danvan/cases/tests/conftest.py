from __future__ import annotations

import datetime as dt

import pytest

from danvan.accounts.models import Role
from danvan.cases.services.intake import PartyData, PetitionData, petition_submit
from danvan.testing import World, make_user

VALID_ID = "001085012345"  # Hà Nội (001), male born 1985


@pytest.fixture
def head_a(world: World):
    return make_user("head_a", org=world.org_a, role=Role.UNIT_HEAD)


@pytest.fixture
def handler_a(world: World):
    return make_user("handler_a", org=world.org_a, role=Role.CASE_HANDLER)


@pytest.fixture
def head_b(world: World):
    return make_user("head_b", org=world.org_b, role=Role.UNIT_HEAD)


def petition_data(world: World, **overrides) -> PetitionData:
    values = {
        "kind": "complaint",
        "complaint_round": 1,
        "subject": "Khiếu nại quyết định thu hồi đất",
        "content": "Tôi khiếu nại Quyết định số 15/QĐ-UBND về việc thu hồi đất nông nghiệp của gia đình tôi.",
        "unit": world.commune_a,
        "respondent_name": "Chủ tịch UBND phường Tân Phong",
        "decision_reference": "Quyết định số 15/QĐ-UBND",
        "decision_date": dt.date(2026, 9, 1),
        "received_on": dt.date(2026, 11, 2),
        "parties": [PartyData(full_name="Nguyễn Văn An", personal_id=VALID_ID, birth_year=1985, phone="0912345678")],
    }
    values.update(overrides)
    return PetitionData(**values)


@pytest.fixture
def submit(world: World):
    def _submit(**overrides):
        return petition_submit(actor=None, data=petition_data(world, **overrides), receiving_organization=world.org_a)

    return _submit
