"""Recording visits: crowds and representatives (Luật Tiếp công dân art. 29), a new or an existing petition,
guidance, refusal on a legal ground, the ad hoc prompt of art. 18(3); bad input saves nothing."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from danvan.audit.models import AuditEvent
from danvan.cases.models import Party, Petition
from danvan.core.errors import DomainError
from danvan.notifications.models import Notification
from danvan.reception.models import ReceptionKind, ReceptionSession, ReceptionVisit, VisitPerson
from danvan.reception.services.visits import PersonData, VisitData, visit_record
from danvan.reception.tests.conftest import VALID_ID, submit

VN = ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = dt.date(2026, 11, 12)


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(dt.datetime(2026, 11, 12, 9, 0, tzinfo=VN), tick=False):
        yield


SEVEN = [
    PersonData("Nguyễn Văn An", VALID_ID, "Tổ 7, phường Tân Phong", "0912345678"),
    PersonData("Trần Thị Bình", "", "Tổ 7, phường Tân Phong"),
    PersonData("Lê Văn Cường"),
]


@pytest.fixture
def session(world, place_a, head_a):
    return ReceptionSession.objects.create(
        organization=world.org_a,
        place=place_a,
        kind=ReceptionKind.PERIODIC,
        held_on=TODAY,
        head=head_a,
        position="commune_chairman",
        received_by=head_a,
        created_by=head_a,
    )


@pytest.fixture
def regular(world, place_a, personas):
    officer = personas["officer_same"]
    return ReceptionSession.objects.create(
        organization=world.org_a,
        place=place_a,
        kind=ReceptionKind.REGULAR,
        held_on=TODAY,
        received_by=officer,
        created_by=officer,
    )


def crowd(**overrides) -> VisitData:
    values = {
        "kind": "complaint",
        "content_summary": "Khiếu nại việc thu hồi đất làm đường liên xã, mức bồi thường thấp hơn giá thị trường.",
        "result": "new_petition",
        "people_count": 7,
        "complainants": list(SEVEN),
        "representative_names": ["Nguyễn Văn An", "tran thi binh"],
        "subject": "Khiếu nại mức bồi thường thu hồi đất",
        "respondent_name": "Chủ tịch UBND phường Tân Phong",
    }
    values.update(overrides)
    return VisitData(**values)


def counts() -> tuple[int, ...]:
    return (
        ReceptionVisit.objects.count(),
        VisitPerson.objects.count(),
        Petition.objects.count(),
        Party.objects.count(),
        AuditEvent.objects.count(),
    )


def test_a_crowd_of_seven_with_two_representatives_becomes_one_petition(session, head_a):
    visit = visit_record(actor=head_a, session=session, data=crowd())
    assert (visit.serial, visit.year, visit.people_count, visit.result) == (1, 2026, 7, "new_petition")
    assert visit.ad_hoc_conditions == ["many_people"]
    people = list(visit.people.order_by("position").values_list("full_name", "is_representative"))
    assert people == [("Nguyễn Văn An", True), ("Trần Thị Bình", True), ("Lê Văn Cường", False)]
    petition = visit.petition
    assert (petition.channel, petition.kind, petition.people_count, petition.received_on) == (
        "in_person",
        "complaint",
        7,
        TODAY,
    )
    assert petition.is_crowd
    assert petition.receiving_organization_id == session.organization_id
    roles = sorted(Party.objects.filter(petition=petition).values_list("role", "full_name"))
    assert roles == [
        ("petitioner", "Lê Văn Cường"),
        ("petitioner", "Nguyễn Văn An"),
        ("petitioner", "Trần Thị Bình"),
        ("representative", "Nguyễn Văn An"),
        ("representative", "Trần Thị Bình"),
    ]
    event = AuditEvent.objects.filter(action="reception.visit_recorded").get()
    assert event.data == {
        "result": "new_petition",
        "kind": "complaint",
        "people": 7,
        "petition": petition.tracking_code,
    }
    second = visit_record(
        actor=head_a, session=session, data=crowd(people_count=1, representative_names=[], complainants=SEVEN[:1])
    )
    assert second.serial == 2


def test_a_visit_attaches_to_an_existing_petition_without_retyping(world, session, head_a):
    existing = submit(world)
    data = crowd(
        result="attached",
        attach_code=existing.tracking_code.lower(),
        people_count=1,
        representative_names=[],
        complainants=SEVEN[:1],
    )
    before = Petition.objects.count()
    visit = visit_record(actor=head_a, session=session, data=data)
    assert (visit.petition, visit.result) == (existing, "attached")
    assert Petition.objects.count() == before


def test_refusal_needs_a_ground_in_force_on_the_day(session, head_a):
    refused = visit_record(
        actor=head_a,
        session=session,
        data=crowd(result="refused", refusal_ground="tcd9-2", people_count=1, complainants=[], representative_names=[]),
    )
    assert (refused.refusal_ground.code, refused.petition) == ("tcd9-2", None)
    before = counts()
    with pytest.raises(DomainError) as caught:
        visit_record(actor=head_a, session=session, data=crowd(result="refused", refusal_ground="no-such-ground"))
    assert caught.value.code == "refusal_ground_missing"
    assert counts() == before


def test_a_ground_of_decree_154_did_not_exist_before_1_july_2026(world, place_a, head_a):
    old = ReceptionSession.objects.create(
        organization=world.org_a,
        place=place_a,
        kind=ReceptionKind.PERIODIC,
        held_on=dt.date(2026, 6, 30),
        head=head_a,
        received_by=head_a,
        created_by=head_a,
    )
    with pytest.raises(DomainError) as caught:
        visit_record(actor=head_a, session=old, data=crowd(result="refused", refusal_ground="nd154-recording"))
    assert caught.value.code == "refusal_ground_missing"


@pytest.mark.parametrize(
    ("overrides", "code", "field"),
    [
        ({"content_summary": "   "}, "visit_content_missing", "content_summary"),
        (
            {"representative_names": ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]},
            "too_many_representatives",
            "representatives",
        ),
        ({"representative_names": ["Phạm Văn Lạ"]}, "representative_not_complainant", "representatives"),
        ({"representative_names": []}, "invalid", "representatives"),
        ({"people_count": 2}, "invalid", "people_count"),
        ({"result": "guided", "guided_to": ""}, "invalid", "guided_to"),
        ({"result": "attached", "attach_code": "DV-0000-0000"}, "petition_not_found", "attach_code"),
        (
            {"complainants": [PersonData("Nguyễn Văn An", "123")], "representative_names": ["Nguyễn Văn An"]},
            "invalid",
            "complainants",
        ),
    ],
)
def test_bad_input_is_refused_in_vietnamese_and_nothing_is_saved(session, head_a, overrides, code, field):
    before = counts()
    with pytest.raises(DomainError) as caught:
        visit_record(actor=head_a, session=session, data=crowd(**overrides))
    assert caught.value.code == code
    assert field in caught.value.extra["fields"]
    assert counts() == before


def test_more_than_ten_people_may_choose_up_to_five(session, head_a):
    names = [f"Người dân số {n}" for n in range(1, 7)]
    data = crowd(people_count=12, complainants=[PersonData(n) for n in names], representative_names=names[:5])
    assert visit_record(actor=head_a, session=session, data=data).people.filter(is_representative=True).count() == 5
    with pytest.raises(DomainError) as caught:
        visit_record(
            actor=head_a,
            session=session,
            data=crowd(people_count=12, complainants=[PersonData(n) for n in names], representative_names=names),
        )
    assert caught.value.code == "too_many_representatives"


def test_a_crowd_at_regular_reception_prompts_the_head_for_ad_hoc_reception(
    regular, personas, head_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        visit = visit_record(actor=personas["officer_same"], session=regular, data=crowd(ad_hoc_conditions=["heated"]))
    assert visit.ad_hoc_conditions == ["heated", "many_people"]
    notification = Notification.objects.get(user=head_a)
    assert notification.key == f"reception-adhoc:{visit.pk}"
    assert notification.url == f"/reception/visits/{visit.pk}/"
    assert "Nguyễn" not in notification.title + notification.body


def test_no_visit_on_a_future_session(world, place_a, head_a):
    future = ReceptionSession.objects.create(
        organization=world.org_a,
        place=place_a,
        kind=ReceptionKind.PERIODIC,
        held_on=TODAY + dt.timedelta(days=3),
        head=head_a,
        received_by=head_a,
        created_by=head_a,
    )
    with pytest.raises(DomainError) as caught:
        visit_record(actor=head_a, session=future, data=crowd())
    assert caught.value.code == "session_in_future"
