from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.utils import timezone

from danvan.accounts.models import Role, User
from danvan.cases.models import Petition
from danvan.cases.services import workflow
from danvan.cases.services.intake import PartyData, PetitionData, petition_submit
from danvan.reception.models import (
    ComplexCase,
    Dialogue,
    DialogueParticipant,
    DialogueStatus,
    Hotspot,
    Milestone,
    ParticipantRole,
    ReceptionKind,
    ReceptionPlace,
    ReceptionSchedule,
    ReceptionSession,
    ReductionPlan,
    ReductionTarget,
    Roadmap,
    Signature,
)
from danvan.reception.services.notice import session_notice_issue
from danvan.reception.services.visits import PersonData, VisitData, visit_record
from danvan.testing import World, make_user

VALID_ID = "001085012345"  # Hà Nội (001), male born 1985


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def head_a(world: World) -> User:
    user = make_user("head_a", org=world.org_a, role=Role.UNIT_HEAD)
    user.full_name = "Lò Văn Minh"
    user.save(update_fields=["full_name"])
    return user


@pytest.fixture
def handler_a(world: World) -> User:
    return make_user("handler_a", org=world.org_a, role=Role.CASE_HANDLER)


@pytest.fixture
def place_a(world: World) -> ReceptionPlace:
    return ReceptionPlace.objects.create(
        organization=world.org_a, name="Phòng tiếp công dân", address="Số 1 đường Trần Hưng Đạo"
    )


def complaint_data(world: World, **overrides: object) -> PetitionData:
    values: dict[str, object] = {
        "kind": "complaint",
        "complaint_round": 1,
        "subject": "Khiếu nại quyết định thu hồi đất",
        "content": "Tôi khiếu nại Quyết định số 15/QĐ-UBND về việc thu hồi đất nông nghiệp của gia đình tôi.",
        "unit": world.commune_a,
        "respondent_name": "Chủ tịch UBND phường Tân Phong",
        "received_on": timezone.localdate() - dt.timedelta(days=20),
        "parties": [PartyData(full_name="Nguyễn Văn An", personal_id=VALID_ID, birth_year=1985, phone="0912345678")],
    }
    values.update(overrides)
    return PetitionData(**values)


def submit(world: World, **overrides: object) -> Petition:
    return petition_submit(
        actor=None, data=complaint_data(world, **overrides), receiving_organization=world.org_a
    ).petition


def to_verification(petition: Petition, head: User, handler: User) -> Petition:
    petition = workflow.petition_classify(actor=head, petition=petition, eligible=True, within_competence=True)
    petition = workflow.petition_accept(actor=head, petition=petition, on=petition.received_on)
    return workflow.petition_start_verification(actor=head, petition=petition, handler=handler)


@dataclass
class Reception:
    """One of everything in commune A, for the permission matrix."""

    head: User
    handler: User
    place: ReceptionPlace
    schedule: ReceptionSchedule
    session: ReceptionSession
    visit_id: int
    petition: Petition
    dialogue: Dialogue
    held_dialogue: Dialogue
    case: ComplexCase
    milestone: Milestone
    plan: ReductionPlan
    hotspot: Hotspot


@pytest.fixture
def rec(
    world: World, personas: dict[str, User | None], head_a: User, handler_a: User, place_a: ReceptionPlace
) -> Reception:
    today = timezone.localdate()
    officer = personas["officer_same"]
    assert officer is not None
    schedule = ReceptionSchedule.objects.create(
        organization=world.org_a,
        place=place_a,
        kind=ReceptionKind.REGULAR,
        weekday=today.weekday(),
        start_time=dt.time(8),
        end_time=dt.time(11),
        starts_on=today - dt.timedelta(days=30),
        online_booking=True,
        created_by=head_a,
    )
    session = ReceptionSession.objects.create(
        organization=world.org_a,
        place=place_a,
        kind=ReceptionKind.PERIODIC,
        held_on=today - dt.timedelta(days=1),
        head=head_a,
        position="commune_chairman",
        received_by=head_a,
        created_by=head_a,
    )
    visit = visit_record(
        actor=officer,
        session=session,
        data=VisitData(
            kind="feedback",
            content_summary="Phản ánh đèn đường hỏng ở tổ dân phố 7.",
            result="guided",
            complainants=[PersonData("Trần Thị Bình", address="Tổ dân phố 7")],
            guided_to="Công ty điện lực",
        ),
    )
    session_notice_issue(actor=head_a, session=session, conclusions="Giao công chức địa chính kiểm tra.", directions={})
    petition = to_verification(submit(world), head_a, handler_a)
    dialogue = Dialogue.objects.create(
        organization=world.org_a,
        petition=petition,
        held_on=today + dt.timedelta(days=10),
        start_time=dt.time(9),
        place="Hội trường UBND phường",
        content="Đối thoại về việc thu hồi đất",
        chair=head_a,
        status=DialogueStatus.NOTIFIED,
        notice_sent_on=today,
        notice_method="Giấy mời",
        created_by=handler_a,
    )
    DialogueParticipant.objects.create(dialogue=dialogue, role=ParticipantRole.CHAIR, full_name="Lò Văn Minh")
    DialogueParticipant.objects.create(dialogue=dialogue, role=ParticipantRole.COMPLAINANT, full_name="Nguyễn Văn An")
    held = Dialogue.objects.create(
        organization=world.org_a,
        petition=petition,
        held_on=today - dt.timedelta(days=2),
        start_time=dt.time(9),
        place="Hội trường UBND phường",
        content="Đối thoại lần trước",
        chair=head_a,
        status=DialogueStatus.HELD,
        notice_sent_on=today - dt.timedelta(days=10),
        result="Chưa thống nhất.",
        minutes_number="01/BB-UBND",
        created_by=handler_a,
    )
    DialogueParticipant.objects.create(
        dialogue=held,
        role=ParticipantRole.COMPLAINANT,
        full_name="Nguyễn Văn An",
        opinion="Giữ nguyên yêu cầu.",
        signature=Signature.SIGNED,
    )
    case = ComplexCase.objects.create(
        organization=world.org_a,
        unit=world.commune_a,
        title="Tranh chấp đất khu tái định cư",
        summary="Nhiều hộ.",
        criteria=["many_complainants"],
        opened_on=today - dt.timedelta(days=400),
        created_by=head_a,
    )
    roadmap = Roadmap.objects.create(case=case, leader=head_a)
    milestone = Milestone.objects.create(
        roadmap=roadmap, title="Đo đạc lại ranh giới", owner=world.org_a, due_on=today + dt.timedelta(days=30)
    )
    plan = ReductionPlan.objects.create(organization=world.org_a, year=today.year, baseline=3, created_by=head_a)
    ReductionTarget.objects.bulk_create(
        ReductionTarget(plan=plan, quarter=q, target_open=3 - q // 2) for q in (1, 2, 3, 4)
    )
    hotspot = Hotspot.objects.create(
        unit=world.commune_a,
        signal="crowd",
        key="crowd",
        label="",
        score=1.5,
        petition_count=1,
        people_count=15,
        facts={"count": 1, "largest": 15},
        window_start=today - dt.timedelta(days=13),
        window_end=today,
        last_scored_at=dt.datetime.now(dt.UTC),
    )
    return Reception(
        head_a,
        handler_a,
        place_a,
        schedule,
        session,
        visit.pk,
        petition,
        dialogue,
        held,
        case,
        milestone,
        plan,
        hotspot,
    )
