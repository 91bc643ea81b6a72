"""A petition that ended without a resolution counts as ended on the day it ended (``Petition.ended_on``), not
on the day its row last changed: a later note, edit or re-index does not move it to another period."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import time_machine

from danvan.cases.models import Petition, Status
from danvan.cases.services import notes, workflow
from danvan.reports.periods import parse_period
from danvan.reports.selectors.scope import ORGANIZATION, ReportScope
from danvan.reports.selectors.tables import build_tables
from danvan.reports.tests.factories import make_petition

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def _processing(user, org, period_code: str) -> dict:
    scope = ReportScope(ORGANIZATION, org.pk, org.name, org.unit, org)
    return build_tables(user=user, scope=scope, period=parse_period(period_code))[0].total.values


def test_a_later_change_does_not_move_the_end_day(world, personas, head_a):
    org = world.org_a
    petition = make_petition(org, dt.date(2026, 3, 1), kind="complaint")
    # 06:30 in Hà Nội on 14 March is still 13 March in UTC: the local day counts.
    with time_machine.travel(dt.datetime(2026, 3, 14, 6, 30, tzinfo=HANOI), tick=False):
        workflow.petition_archive(actor=head_a, petition=petition, ground="kn11_6")
    assert Petition.objects.get(pk=petition.pk).ended_on == dt.date(2026, 3, 14)
    with time_machine.travel(dt.datetime(2026, 4, 2, 9, 0, tzinfo=HANOI), tick=False):
        notes.petition_add_note(actor=head_a, petition=petition, text="Đã lưu hồ sơ.")
        Petition.objects.filter(pk=petition.pk).update(updated_at=dt.datetime(2026, 4, 2, 9, 0, tzinfo=HANOI))
    archived = Petition.objects.get(pk=petition.pk)
    assert (archived.status, archived.ended_on) == (Status.ARCHIVED, dt.date(2026, 3, 14))
    user = personas["system_admin"]
    q1, q2 = _processing(user, org, "2026-q1"), _processing(user, org, "2026-q2")
    assert (q1["received"], q1["archived"], q1["processed"], q1["pending"]) == (1, 1, 1, 0)
    assert (q2["carried_over"], q2["processed"], q2["pending"]) == (0, 0, 0)
