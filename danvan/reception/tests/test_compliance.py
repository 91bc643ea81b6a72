"""The heads' periodic reception duty across the change of 1 July 2026 (LEGAL_BRIEF §3.1)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from danvan.accounts.models import Role
from danvan.reception.compliance import duty_periods, organization_compliance
from danvan.reception.law import duty_rule_in_force
from danvan.reception.models import ReceptionKind, ReceptionSchedule, ReceptionSession
from danvan.testing import make_user

VN = ZoneInfo("Asia/Ho_Chi_Minh")
D = dt.date


def _session(world, place, head, day, received_by=None):
    return ReceptionSession.objects.create(
        organization=world.org_a,
        place=place,
        kind=ReceptionKind.PERIODIC,
        held_on=day,
        head=head,
        position="commune_chairman",
        received_by=received_by or head,
        created_by=head,
    )


@pytest.fixture
def schedule(world, place_a, head_a):
    return ReceptionSchedule.objects.create(
        organization=world.org_a,
        place=place_a,
        kind=ReceptionKind.PERIODIC,
        head=head_a,
        position="commune_chairman",
        weekday=3,
        start_time=dt.time(7, 30),
        end_time=dt.time(11, 30),
        starts_on=D(2026, 1, 1),
        created_by=head_a,
    )


def test_the_seeded_rules_change_on_1_july_2026(db):
    before = duty_rule_in_force(position="commune_chairman", day=D(2026, 6, 30))
    after = duty_rule_in_force(position="commune_chairman", day=D(2026, 7, 1))
    assert (before.days_required, before.period, before.delegation_allowed) == (1, "week", True)
    assert (after.days_required, after.period, after.delegation_allowed) == (2, "month", False)
    assert before.citation == "Luật Tiếp công dân 2013, Điều 15 khoản 2 điểm d"
    assert after.citation == "Luật 136/2025/QH15 (sửa đổi Điều 15 Luật Tiếp công dân)"
    provincial = duty_rule_in_force(position="provincial_chairman", day=D(2026, 8, 1))
    assert (provincial.days_required, provincial.period, provincial.delegation_allowed) == (1, "month", False)
    assert duty_rule_in_force(position="commune_party_secretary", day=D(2026, 8, 1)).days_required == 2
    assert duty_rule_in_force(position="commune_chairman", day=D(2014, 6, 30)) is None


def test_periods_are_weeks_before_the_change_and_months_after(db):
    periods = duty_periods(position="commune_chairman", start=D(2026, 6, 1), end=D(2026, 8, 31))
    assert [(start, end, rule.period) for start, end, rule in periods] == [
        (D(2026, 6, 1), D(2026, 6, 7), "week"),
        (D(2026, 6, 8), D(2026, 6, 14), "week"),
        (D(2026, 6, 15), D(2026, 6, 21), "week"),
        (D(2026, 6, 22), D(2026, 6, 28), "week"),
        # The week of Monday 29 June is still under the old rule: it began before 1 July.
        (D(2026, 6, 29), D(2026, 7, 5), "week"),
        (D(2026, 7, 1), D(2026, 7, 31), "month"),
        (D(2026, 8, 1), D(2026, 8, 31), "month"),
    ]


@time_machine.travel(dt.datetime(2026, 9, 1, 9, 0, tzinfo=VN), tick=False)
def test_missed_days_and_forbidden_delegation_across_the_change(world, place_a, head_a, schedule):
    deputy = make_user("deputy_a", org=world.org_a, role=Role.CASE_HANDLER)
    for day in (D(2026, 6, 4), D(2026, 6, 11), D(2026, 7, 2), D(2026, 7, 16), D(2026, 8, 13)):
        _session(world, place_a, head_a, day)
    _session(world, place_a, head_a, D(2026, 6, 18), received_by=deputy)  # delegation still allowed
    _session(world, place_a, head_a, D(2026, 8, 27), received_by=deputy)  # no longer allowed
    [check] = organization_compliance(
        organization=world.org_a, start=D(2026, 6, 1), end=D(2026, 8, 31), today=D(2026, 9, 1)
    )
    assert check.head == head_a
    assert check.has_schedule
    rows = [(p.start, p.counted, p.missed, p.forbidden_delegations) for p in check.periods]
    assert rows == [
        (D(2026, 6, 1), 1, 0, ()),
        (D(2026, 6, 8), 1, 0, ()),
        (D(2026, 6, 15), 1, 0, ()),  # the deputy's day counts before 1 July 2026
        (D(2026, 6, 22), 0, 1, ()),  # no reception that week
        (D(2026, 6, 29), 1, 0, ()),  # 2 July counts for the old week…
        (D(2026, 7, 1), 2, 0, ()),  # …and for July: 2 days, met
        (D(2026, 8, 1), 1, 1, (D(2026, 8, 27),)),  # the deputy's day neither counts nor is allowed
    ]
    assert (check.missed, check.forbidden_delegations) == (2, 1)


@time_machine.travel(dt.datetime(2026, 7, 20, 9, 0, tzinfo=VN), tick=False)
def test_a_period_in_progress_is_not_yet_missed(world, place_a, head_a, schedule):
    _session(world, place_a, head_a, D(2026, 7, 2))
    [check] = organization_compliance(
        organization=world.org_a, start=D(2026, 7, 1), end=D(2026, 12, 31), today=D(2026, 7, 20)
    )
    july = [p for p in check.periods if p.rule.period == "month"]
    assert [(p.start, p.finished, p.counted, p.missed) for p in july] == [(D(2026, 7, 1), False, 1, 0)]


@time_machine.travel(dt.datetime(2026, 9, 1, 9, 0, tzinfo=VN), tick=False)
def test_a_head_without_a_periodic_schedule_is_listed(world, head_a):
    [check] = organization_compliance(
        organization=world.org_a, start=D(2026, 8, 1), end=D(2026, 8, 31), today=D(2026, 9, 1)
    )
    assert (check.head, check.position, check.has_schedule, check.missed) == (head_a, "commune_chairman", False, 2)


@time_machine.travel(dt.datetime(2026, 9, 1, 9, 0, tzinfo=VN), tick=False)
def test_compliance_page_flags_the_gaps(world, place_a, head_a, schedule, as_persona, personas):
    _session(world, place_a, head_a, D(2026, 8, 13))
    response = as_persona("officer_same").get(f"/reception/compliance/?organization={world.org_a.pk}&year=2026")
    assert response.status_code == 200
    heads = response.context["heads"]
    assert [h.head for h in heads] == [head_a, personas["head_same"]]  # every head of org_a
    august = next(p for p in heads[0].periods if p.start == D(2026, 8, 1))
    assert (august.counted, august.missed) == (1, 1)
    assert "Luật 136/2025/QH15 (sửa đổi Điều 15 Luật Tiếp công dân)" in response.content.decode()
    other = as_persona("officer_other").get(f"/reception/compliance/?organization={world.org_a.pk}")
    assert other.status_code == 404
