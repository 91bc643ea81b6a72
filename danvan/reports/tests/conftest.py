from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache

from danvan.accounts.models import Role
from danvan.reports.tests.factories import make_petition
from danvan.testing import World, make_user


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Open data is cached for 15 minutes; each test starts without it."""
    cache.clear()


@pytest.fixture
def province_head(world: World):
    """The chairman of the provincial People's Committee: the provincial leader of the browser test."""
    return make_user("province_head", org=world.province_committee, role=Role.UNIT_HEAD)


@pytest.fixture
def head_a(world: World):
    return make_user("head_a", org=world.org_a, role=Role.UNIT_HEAD)


@pytest.fixture
def sample(world: World):
    """A few petitions in both communes and the province, received in Q1 2026 (15/12/2025–14/03/2026)."""
    a = make_petition(
        world.org_a,
        dt.date(2026, 1, 5),
        kind="complaint",
        status="closed",
        accepted_on=dt.date(2026, 1, 8),
        concluded_on=dt.date(2026, 2, 20),
        outcome="right",
        resolve_due=dt.date(2026, 3, 1),
        rating=5,
        petitioner="Nguyễn Văn An",
    )
    b = make_petition(
        world.org_b,
        dt.date(2026, 2, 1),
        kind="denunciation",
        status="verification",
        accepted_on=dt.date(2026, 2, 3),
        petitioner="Trần Thị Bình",
    )
    c = make_petition(world.province_committee, dt.date(2025, 12, 20), kind="feedback", status="received")
    d = make_petition(world.org_other, dt.date(2026, 1, 9), kind="complaint", status="received")
    return {"a": a, "b": b, "c": c, "d": d}
