"""Hotspot scoring on constructed scenarios (docs/hotspots.md): a real surge alerts, ordinary background volume
does not; crowds, repeats after an answer, overdue crowd cases; who hears of it; leaders acknowledge and assign."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from danvan.accounts.models import Organization, OrganizationKind, Role
from danvan.cases.models import Category
from danvan.cases.services import workflow
from danvan.cases.services.intake import PartyData
from danvan.core.errors import DomainError
from danvan.notifications.models import Notification
from danvan.reception.models import Hotspot, HotspotEvidence, Threshold
from danvan.reception.scoring import score_hotspots
from danvan.reception.services.hotspots import hotspot_acknowledge, hotspot_assign, hotspot_scan
from danvan.reception.tasks import hotspot_scan_daily
from danvan.reception.tests.conftest import submit
from danvan.testing import make_user

VN = ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = dt.date(2026, 11, 12)


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(dt.datetime(2026, 11, 12, 9, 0, tzinfo=VN), tick=False):
        yield


def _petition(world, day, n, **overrides):
    values = {
        "kind": "feedback",
        "complaint_round": None,
        "received_on": day,
        "subject": f"Phản ánh số {n}",
        "respondent_name": "",
        "parties": [PartyData(full_name=f"Người dân {n}", phone=f"09{n:08d}")],
    }
    values.update(overrides)
    return submit(world, **values)


def background(world):
    """Three feedback petitions a week about land for 15 weeks: the commune's usual volume."""
    land = Category.objects.get(code="land")
    n = 0
    for week in range(15):
        for offset in (0, 2, 4):
            day = TODAY - dt.timedelta(days=7 * week + offset)
            n += 1
            _petition(world, day, n, category=land, location=f"Tổ dân phố {n % 9}")
    return n


def test_ordinary_background_volume_does_not_alert(world):
    background(world)
    assert score_hotspots(today=TODAY) == []
    assert hotspot_scan(today=TODAY).created == 0


def test_a_surge_about_one_project_alerts_with_its_evidence(world, personas, head_a):
    start = background(world)
    mtb = Organization.objects.create(
        name="Ban Dân vận Đảng ủy phường Tân Phong", kind=OrganizationKind.MASS_MOBILIZATION_BOARD, unit=world.commune_a
    )
    mtb_head = make_user("mtb_head", org=mtb, role=Role.UNIT_HEAD)
    surge = [
        _petition(world, TODAY - dt.timedelta(days=n % 5), start + n, respondent_name="Dự án khu đô thị Tân Phong Xanh")
        for n in range(1, 9)
    ]
    [candidate] = score_hotspots(today=TODAY)
    assert (candidate.signal, candidate.key, candidate.unit_id) == (
        "respondent",
        "du an khu do thi tan phong xanh",
        world.commune_a.pk,
    )
    assert candidate.score == 1.6  # 8 petitions / max(5, 3 × 0 expected)
    assert candidate.facts == {"count": 8, "baseline": 0, "expected": 0.0}
    result = hotspot_scan_daily.call_local()
    assert (result["created"], result["notifications"]) == (1, 4)
    hotspot = Hotspot.objects.get()
    assert hotspot.label == "Dự án khu đô thị Tân Phong Xanh"
    assert hotspot.petition_count == 8
    assert set(hotspot.evidence_rows.values_list("petition_id", flat=True)) == {p.pk for p in surge}
    told = set(Notification.objects.filter(key=f"hotspot:{hotspot.pk}").values_list("user__username", flat=True))
    assert told == {"head_a", "head_same", "mttq_officer", "mtb_head"}
    assert mtb_head.pk
    assert "Người dân" not in "".join(Notification.objects.values_list("title", "body").first())
    # The next scan updates the same hotspot and tells nobody twice.
    _petition(world, TODAY, 999, respondent_name="dự án Khu đô thị Tân Phong Xanh.")
    again = hotspot_scan(today=TODAY)
    assert (again.created, again.updated, again.notifications) == (0, 1, 0)
    hotspot.refresh_from_db()
    assert hotspot.petition_count == 9
    assert HotspotEvidence.objects.count() == 9


def test_the_thresholds_are_data(world):
    for n in range(4):
        _petition(world, TODAY - dt.timedelta(days=n), n, respondent_name="Công ty Môi trường Đô thị")
    assert score_hotspots(today=TODAY) == []
    Threshold.objects.filter(code="hotspot-surge-min-petitions").update(value=4)
    assert [c.signal for c in score_hotspots(today=TODAY)] == ["respondent"]


def test_crowd_petitions_alert(world):
    _petition(world, TODAY - dt.timedelta(days=3), 1, people_count=6)
    assert score_hotspots(today=TODAY) == []  # one crowd of 6: below 10 people and below 2 crowds
    _petition(world, TODAY - dt.timedelta(days=1), 2, people_count=12)
    [candidate] = score_hotspots(today=TODAY)
    assert (candidate.signal, candidate.score, candidate.facts) == ("crowd", 1.2, {"count": 2, "largest": 12})
    assert candidate.people == 18


def test_repeat_petitions_after_an_answer_alert_but_never_for_denunciations(world, head_a):
    answered = _petition(
        world, TODAY - dt.timedelta(days=60), 1, parties=[PartyData(full_name="Võ Văn Lặp", personal_id="001085012345")]
    )
    workflow.petition_classify(actor=head_a, petition=answered, eligible=True, within_competence=True)
    workflow.petition_guide(actor=head_a, petition=answered, guidance="Gửi Sở Xây dựng", competent_body="Sở Xây dựng")
    person = [PartyData(full_name="Võ Văn Lặp", personal_id="001085012345")]
    _petition(world, TODAY - dt.timedelta(days=5), 2, parties=person)
    assert score_hotspots(today=TODAY) == []
    _petition(world, TODAY - dt.timedelta(days=1), 3, parties=person)
    [candidate] = score_hotspots(today=TODAY)
    assert candidate.signal == "repeat"
    assert candidate.key.startswith("person:")
    assert "001085012345" not in candidate.key + candidate.label
    assert "Võ" not in candidate.label
    assert candidate.facts == {"count": 2, "answered": answered.tracking_code}
    # The same person's denunciations never make such a link.
    for n in (4, 5):
        _petition(
            world,
            TODAY - dt.timedelta(days=n),
            n,
            kind="denunciation",
            parties=[PartyData(full_name="Võ Văn Lặp", personal_id="001085012345")],
        )
    assert [c.facts["count"] for c in score_hotspots(today=TODAY) if c.signal == "repeat"] == [2]


def test_overdue_crowd_cases_alert(world):
    _petition(world, TODAY - dt.timedelta(days=40), 1, people_count=5)  # feedback: notify within 10 working days
    [candidate] = [c for c in score_hotspots(today=TODAY) if c.signal == "overdue_crowd"]
    assert candidate.facts == {"count": 1}


def test_leaders_acknowledge_and_assign(world, head_a, personas, as_persona, django_capture_on_commit_callbacks):
    for n in range(6):
        _petition(world, TODAY - dt.timedelta(days=n), n, respondent_name="Bãi rác Tân Phong")
    hotspot_scan(today=TODAY)
    hotspot = Hotspot.objects.get()
    mttq = as_persona("mttq_officer").get(f"/reception/hotspots/{hotspot.pk}/")
    assert mttq.status_code == 200
    assert len(mttq.context["evidence"]) == 6
    assert not mttq.context["can_lead"]
    assert "Người dân" not in mttq.content.decode()
    assert as_persona("mttq_officer").post(f"/reception/hotspots/{hotspot.pk}/acknowledge/").status_code == 403
    hotspot = hotspot_acknowledge(actor=head_a, hotspot=hotspot)
    assert (hotspot.status, hotspot.acknowledged_by) == ("acknowledged", head_a)
    with pytest.raises(DomainError) as caught:
        hotspot_assign(actor=head_a, hotspot=hotspot, organization=world.org_b, assignee=None, note="Nắm tình hình")
    assert caught.value.code == "invalid"
    with django_capture_on_commit_callbacks(execute=True):
        hotspot = hotspot_assign(
            actor=head_a,
            hotspot=hotspot,
            organization=world.mttq_a,
            assignee=personas["mttq_officer"],
            note="Phối hợp nắm tình hình, báo cáo trong tuần",
        )
    assert (hotspot.status, hotspot.assigned_to) == ("assigned", world.mttq_a)
    assert Notification.objects.filter(
        user=personas["mttq_officer"], key__endswith=f":assigned:{personas['mttq_officer'].pk}"
    ).exists()
