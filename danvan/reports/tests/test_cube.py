"""The pre-aggregation is exact: for every period made of whole report months, the dashboard read from a
fresh snapshot equals the dashboard counted directly over the petitions, scope by scope."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
import time_machine

from danvan.reports.models import CubeBuild, CubeCell
from danvan.reports.periods import parse_period
from danvan.reports.selectors import dashboard as dashboard_module
from danvan.reports.selectors.cube import CUBE_MAX_AGE, fresh_build, month_of
from danvan.reports.selectors.dashboard import dashboard, dashboard_direct, dashboard_from_cube
from danvan.reports.selectors.scope import COMMUNE, ORGANIZATION, PROVINCE, ReportScope, scope_organizations
from danvan.reports.services.cube import cube_build
from danvan.reports.tests.factories import make_petition
from danvan.reports.tests.test_figures import build_data

TODAY = dt.date(2026, 11, 25)


def _scopes(world):
    return [
        ReportScope(PROVINCE, world.province.pk, world.province.name, world.province),
        ReportScope(COMMUNE, world.commune_a.pk, world.commune_a.name, world.commune_a),
        ReportScope(ORGANIZATION, world.org_b.pk, world.org_b.name, world.commune_b, world.org_b),
    ]


def _summary(board):
    return (
        board.figures,
        board.by_kind,
        board.by_status,
        board.by_category,
        board.by_commune,
        board.months,
        board.handling,
        board.overdue_count,
        [p.pk for p in board.overdue],
    )


@pytest.mark.parametrize("code", ["2026-q1", "2026-q2", "2025-q4", "2026-h1", "2026-m9", "2026-year", "2025-year"])
def test_snapshot_equals_direct_counts(world, personas, code):
    build_data(world, seed=11, count=220)
    make_petition(world.org_a, dt.date(2026, 1, 3), status="verification", resolve_due=dt.date(2026, 1, 20))
    build = cube_build()
    user, period = personas["system_admin"], parse_period(code)
    for scope in _scopes(world):
        org_ids = list(scope_organizations(user=user, scope=scope).values_list("pk", flat=True))
        direct = dashboard_direct(user=user, scope=scope, period=period, today=TODAY)
        cubed = dashboard_from_cube(user=user, scope=scope, period=period, today=TODAY, build=build, org_ids=org_ids)
        assert _summary(cubed) == _summary(direct), (code, scope.code)
        assert cubed.as_of == build.built_at
        assert direct.as_of is None


def test_month_index_matches_the_cut_offs():
    assert month_of(dt.date(2025, 12, 14)) + 1 == month_of(dt.date(2025, 12, 15)) == month_of(dt.date(2026, 1, 14))
    assert month_of(dt.date(2026, 3, 14)) == month_of(dt.date(2026, 2, 15))


def test_dashboard_uses_a_fresh_snapshot_of_a_large_scope_only(world, personas):
    build_data(world, count=40)
    user = personas["system_admin"]
    scope = _scopes(world)[0]
    quarter, custom = parse_period("2026-q1"), parse_period("2026-01-01_2026-01-31")
    assert dashboard(user=user, scope=scope, period=quarter, today=TODAY).as_of is None  # no snapshot yet
    build = cube_build()
    assert dashboard(user=user, scope=scope, period=quarter, today=TODAY).as_of is None  # small scope: live
    with mock.patch.object(dashboard_module, "CUBE_MIN_PETITIONS", 1):
        assert dashboard(user=user, scope=scope, period=quarter, today=TODAY).as_of == build.built_at
        assert dashboard(user=user, scope=scope, period=custom, today=TODAY).as_of is None  # not whole months
        with time_machine.travel(build.built_at + CUBE_MAX_AGE + dt.timedelta(seconds=1)):
            assert fresh_build() is None
            assert dashboard(user=user, scope=scope, period=quarter, today=TODAY).as_of is None  # too old


def test_rebuild_keeps_two_snapshots(world):
    make_petition(world.org_a, dt.date(2026, 1, 3))
    builds = [cube_build() for _ in range(3)]
    assert list(CubeBuild.objects.values_list("pk", flat=True)) == [builds[2].pk, builds[1].pk]
    assert not CubeCell.objects.filter(build_id=builds[0].pk).exists()
    assert builds[2].petitions == 1
    assert builds[2].is_complete
