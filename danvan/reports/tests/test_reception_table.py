"""The citizen reception table, counted through the reception module's selector: the province is exactly its
communes plus its own organisations, each equal to a direct count of the register; out of jurisdiction, nothing."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from danvan.reports.periods import parse_period
from danvan.reports.selectors.scope import COMMUNE, PROVINCE, ReportScope
from danvan.reports.selectors.tables import build_tables

reception = pytest.importorskip("danvan.reception.models")
_serials = itertools.count(1)


def _session(org, kind, day, user):
    place = reception.ReceptionPlace.objects.get_or_create(organization=org, name="Trụ sở", address="Số 1")[0]
    return reception.ReceptionSession.objects.create(
        organization=org, place=place, kind=kind, held_on=day, received_by=user, created_by=user
    )


def _visit(session, *, kind="complaint", people=1, day=None):
    return reception.ReceptionVisit.objects.create(
        session=session,
        organization=session.organization,
        received_on=day or session.held_on,
        year=(day or session.held_on).year,
        serial=next(_serials),
        kind=kind,
        people_count=people,
        result="guided",
        recorded_by=session.created_by,
    )


def _table(user, scope, code="2026-q1"):
    return next(t for t in build_tables(user=user, scope=scope, period=parse_period(code)) if t.kind == "reception")


def test_province_reception_table_sums_exactly(world, personas):
    user = personas["system_admin"]
    day = dt.date(2026, 1, 10)
    a_regular = _session(world.org_a, "regular", day, user)
    a_head = _session(world.org_a, "periodic", day, user)
    b_head = _session(world.org_b, "ad_hoc", dt.date(2026, 3, 14), user)
    p_regular = _session(world.province_committee, "regular", dt.date(2025, 12, 15), user)
    outside = _session(world.org_a, "regular", dt.date(2026, 3, 15), user)  # Q2: not counted
    _visit(a_regular, kind="complaint", people=1)
    _visit(a_regular, kind="feedback", people=7)  # a crowd
    _visit(a_head, kind="denunciation", people=2)
    _visit(b_head, kind="recommendation", people=5)  # a crowd
    _visit(p_regular, kind="complaint", people=1)
    _visit(outside, kind="complaint", people=3)
    _visit(_session(world.org_other, "regular", day, user), people=4)  # another province
    province = ReportScope(PROVINCE, world.province.pk, world.province.name, world.province)
    table = _table(user, province)
    total = table.total.values
    assert (total["visits"], total["people"]) == (5, 16)
    assert (total["regular_visits"], total["regular_people"]) == (3, 9)
    assert (total["head_sessions"], total["head_visits"], total["head_people"]) == (2, 2, 7)
    assert (total["crowd_groups"], total["crowd_people"]) == (2, 12)
    assert (total["complaints"], total["denunciations"], total["recommendations"]) == (2, 1, 2)
    rows = {row.key: row.values for row in table.rows}
    assert rows[f"u{world.commune_a.pk}"]["visits"] == 3
    assert rows[f"u{world.commune_b.pk}"]["visits"] == 1
    assert rows[f"u{world.province.pk}"]["visits"] == 1
    for column in table.columns:
        assert sum(row.values[column.key] for row in table.rows) == total[column.key]


def test_reception_table_respects_jurisdiction(world, personas):
    user = personas["system_admin"]
    _visit(_session(world.org_a, "regular", dt.date(2026, 1, 10), user))
    commune_a = ReportScope(COMMUNE, world.commune_a.pk, world.commune_a.name, world.commune_a)
    assert _table(personas["officer_same"], commune_a).total.values["visits"] == 1
    assert _table(personas["officer_other"], commune_a).total.values["visits"] == 0
