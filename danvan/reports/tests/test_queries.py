"""Query budgets: the dashboard and the tables cost the same number of queries with 5 or 60 petitions."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.reports.tests.factories import make_petition
from danvan.testing import login_client


def _petitions(world, count: int) -> None:
    for i in range(count):
        org = [world.org_a, world.org_b, world.province_committee][i % 3]
        make_petition(org, dt.date(2026, 1, 1) + dt.timedelta(days=i % 60), kind="complaint", status="received")


@pytest.mark.parametrize("count", [5, 60])
def test_dashboard_query_budget(client, world, province_head, django_assert_max_num_queries, count):
    _petitions(world, count)
    login_client(client, province_head)
    url = f"/reports/?scope=p{world.province.pk}&period=2026-q1"
    client.get(url)  # sessions, OTP device and calendar caches warm
    # About 20 for the figures, plus the reception panel (a few per organisation, at most 10 organisations).
    with django_assert_max_num_queries(60):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("count", [5, 60])
def test_statistics_query_budget(client, world, province_head, django_assert_max_num_queries, count):
    _petitions(world, count)
    login_client(client, province_head)
    url = f"/reports/statistics/?scope=p{world.province.pk}&period=2026-q1"
    client.get(url)
    # 29: the crowd size's versions (the law app's figure) are read once for each table that counts crowds,
    # and the navigation counts the officer's open deadlines (one query)
    with django_assert_max_num_queries(29):
        assert client.get(url).status_code == 200
