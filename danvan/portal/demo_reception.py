"""Demo reception register, dialogues, the complex prolonged case, the hotspot scan and the search index,
through the reception services (see ``danvan.portal.demo_cases``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from danvan.cases.models import Kind, Outcome, Petition
from danvan.cases.services import workflow
from danvan.portal import demo_cases_data as data
from danvan.portal.demo_cases import Demo, _short, accept, fmt, person, place, resolve, submit, verify
from danvan.portal.demo_cases_data import Topic
from danvan.reception import law
from danvan.reception.models import (
    MilestoneStatus,
    ParticipantRole,
    ReceptionKind,
    ReceptionSession,
    Signature,
    VisitResult,
)
from danvan.reception.reports import open_cases_on, quarter_bounds
from danvan.reception.services import complex as complex_services
from danvan.reception.services import dialogue, hotspots, notice, plans, sessions
from danvan.reception.services.visits import PersonData, VisitData, visit_record
from danvan.search.services import index_petitions

TUESDAY, THURSDAY = 1, 3


def weekday_before(demo: Demo, days: int, weekday: int) -> dt.date:
    """The last ``weekday`` at least ``days`` days ago."""
    day = demo.ago(days)
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def _visitor(demo: Demo, where: int = 0) -> PersonData:
    party = person(demo, where)
    return PersonData(party.full_name, party.personal_id, party.address_street, party.phone)


def new_petition_visit(
    demo: Demo,
    session: ReceptionSession,
    topic: Topic,
    *,
    visitors: list[PersonData] | None = None,
    people_count: int = 1,
    representatives: list[str] | None = None,
) -> Petition:
    """A visit that registers a new petition (in person, received on the session's day)."""
    _street, where_text = place(demo, 0)
    values: dict[str, Any] = {
        "place": where_text,
        "n": demo.rng.randint(12, 480),
        "d": fmt(session.held_on - dt.timedelta(days=demo.rng.randint(15, 60))),
        "year": session.held_on.year,
        "area": demo.rng.choice([150, 260, 380]),
        "amount": "500.000",
        "age": demo.rng.randint(80, 93),
        "official": demo.rng.choice(data.OFFICIALS),
        "people": people_count,
    }
    visit = visit_record(
        actor=demo.user("demo.tiepdan"),
        session=session,
        data=VisitData(
            kind=topic.kind,
            content_summary=topic.content.format(**values),
            result=VisitResult.NEW_PETITION,
            people_count=people_count,
            complainants=visitors or [_visitor(demo)],
            representative_names=representatives or [],
            subject=topic.subject,
            respondent_name=topic.respondent.format(respondent="Chủ tịch Ủy ban nhân dân phường Tân Phong", **values),
            location=values["place"],
            category=demo.categories[topic.category],
        ),
    )
    assert visit.petition is not None
    demo.slots[visit.petition.pk] = values
    return visit.petition


def _other_visit(demo: Demo, session: ReceptionSession, result: str, summary: str, **extra: Any) -> None:
    visit_record(
        actor=demo.user("demo.tiepdan"),
        session=session,
        data=VisitData(
            kind=Kind.FEEDBACK, content_summary=summary, result=result, complainants=[_visitor(demo)], **extra
        ),
    )


def _refusal_ground(day: dt.date) -> str:
    codes = set(law.refusal_grounds(day=day).values_list("code", flat=True))
    return next(code for code in ("nd154-repeat", "tcd9-3", *sorted(codes)) if code in codes)


def reception_load(demo: Demo) -> dict[str, Petition]:
    """The ward's reception room and schedules, six periodic receptions by the chairman (two a month) and
    regular ones by the reception officer, with their visits; a crowd received this week; dialogues."""
    head, officer, ward = demo.user("demo.chutich"), demo.user("demo.tiepdan"), demo.org("0")
    room = sessions.place_add(
        actor=head,
        organization=ward,
        name="Phòng tiếp công dân",
        address=f"Trụ sở Ủy ban nhân dân {_short(demo.communes[0])}, tỉnh Lai Châu",
    )
    for weekday in (TUESDAY, THURSDAY):
        sessions.schedule_add(
            actor=head,
            organization=ward,
            place=room,
            kind=ReceptionKind.REGULAR,
            weekday=weekday,
            start_time=dt.time(7, 30),
            end_time=dt.time(11),
            starts_on=demo.today,
        )
    sessions.schedule_add(
        actor=head,
        organization=ward,
        place=room,
        kind=ReceptionKind.PERIODIC,
        weekday=THURSDAY,
        start_time=dt.time(14),
        end_time=dt.time(17),
        starts_on=demo.today,
        head=head,
    )

    def open_session(day: dt.date, kind: str) -> ReceptionSession:
        return sessions.session_open(
            actor=officer,
            organization=ward,
            place=room,
            kind=kind,
            held_on=day,
            head=head if kind != ReceptionKind.REGULAR else None,
        )

    topic, notable = data.TOPIC, {}
    periodic = [open_session(weekday_before(demo, 7 + 14 * k, THURSDAY), ReceptionKind.PERIODIC) for k in range(6)]
    periodic.reverse()  # oldest first
    for index, session in enumerate(periodic):
        held = session.held_on
        chosen = [
            topic["land_recovery"],
            topic["disaster_housing"],
            topic["one_stop_attitude"],
            topic["building_fine"],
            topic["social_allowance"],
            topic["road_landslide"],
        ][index]
        petition = new_petition_visit(demo, session, chosen)
        if index < 4:  # resolved since
            accepted = held + dt.timedelta(days=2)
            resolve(
                demo,
                petition,
                chosen,
                accepted_on=accepted,
                concluded_on=min(accepted + dt.timedelta(days=20), demo.ago(2)),
            )
        elif index == 4:
            verify(demo, petition, on=held + dt.timedelta(days=3))
        else:
            accept(demo, petition, on=min(held + dt.timedelta(days=1), demo.today))
        if index in (0, 3):
            _other_visit(
                demo,
                session,
                VisitResult.GUIDED,
                "Hỏi về thủ tục đăng ký kinh doanh hộ cá thể và mức thuế khoán phải nộp.",
                guided_to="Thuế cơ sở quản lý địa bàn",
            )
        if index == 2:
            _other_visit(
                demo,
                session,
                VisitResult.REFUSED,
                "Tiếp tục trình bày vụ việc tranh chấp đất đã được giải quyết bằng quyết định có hiệu lực, "
                "không có tình tiết mới.",
                refusal_ground=_refusal_ground(held),
            )
        notice.session_notice_issue(
            actor=head,
            session=session,
            directions={},
            conclusions="Giao công chức chuyên môn kiểm tra, báo cáo kết quả; trả lời công dân bằng văn bản "
            "đúng thời hạn.",
        )
    regular = open_session(weekday_before(demo, 8, TUESDAY), ReceptionKind.REGULAR)
    _other_visit(
        demo,
        regular,
        VisitResult.GUIDED,
        "Đề nghị được hướng dẫn thủ tục xin trợ cấp cho con khuyết tật.",
        guided_to="Công chức văn hóa - xã hội phường (bộ phận một cửa)",
    )
    # The crowd: twelve households about a river embankment project, through two representatives.
    crowd = open_session(weekday_before(demo, 1, TUESDAY), ReceptionKind.REGULAR)
    visitors = [_visitor(demo) for _ in range(5)]
    petition = new_petition_visit(
        demo,
        crowd,
        data.SPECIAL["crowd_compensation"],
        visitors=visitors,
        people_count=12,
        representatives=[visitors[0].full_name, visitors[1].full_name],
    )
    notable["crowd"] = verify(demo, petition, on=demo.today)
    upcoming = demo.today + dt.timedelta(days=10)
    dialogue.dialogue_schedule(
        actor=demo.user("demo.xuly"),
        petition=notable["crowd"],
        held_on=upcoming,
        start_time=dt.time(8, 30),
        place="Hội trường Ủy ban nhân dân phường",
        content="Đối thoại với đại diện các hộ về phương án bồi thường dự án kè suối.",
        chair=head,
        notice_sent_on=demo.today,
        notice_method="Giấy mời gửi trực tiếp các hộ",
        participants=[dialogue.ParticipantData(ParticipantRole.REPRESENTATIVE, v.full_name) for v in visitors[:2]]
        + [
            dialogue.ParticipantData(
                ParticipantRole.AGENCY, "Đại diện Ban Quản lý dự án", "Ban Quản lý dự án đầu tư xây dựng tỉnh"
            )
        ],
    )
    notable["dialogue"] = _held_dialogue(demo)
    demo.extra["regular_sessions"] = [regular, crowd]
    return notable


def _held_dialogue(demo: Demo) -> Petition:
    """A first-time complaint whose dialogue is held today, notice sent a week ago; the minutes are signed."""
    head, handler = demo.user("demo.chutich"), demo.user("demo.xuly")
    complaint = verify(demo, submit(demo, data.TOPIC["land_recovery"], received_on=demo.ago(25)), on=demo.ago(21))
    complainant = complaint.parties.first()
    assert complainant is not None
    held = dialogue.dialogue_schedule(
        actor=handler,
        petition=complaint,
        held_on=demo.today,
        start_time=dt.time(9),
        place="Phòng họp số 2, Ủy ban nhân dân phường",
        content="Đối thoại về việc thu hồi đất và kết quả đo đạc lại ranh giới thửa đất.",
        chair=head,
        notice_sent_on=demo.ago(7),
        notice_method="Giấy mời gửi qua bưu điện",
        participants=[
            dialogue.ParticipantData(ParticipantRole.MINUTE_TAKER, handler.get_full_name()),
            dialogue.ParticipantData(ParticipantRole.COMPLAINANT, complainant.full_name),
            dialogue.ParticipantData(
                ParticipantRole.AGENCY, "Đại diện Văn phòng đăng ký đất đai", "Chi nhánh Văn phòng đăng ký đất đai"
            ),
        ],
    )
    opinions: dict[str, str] = {
        ParticipantRole.CHAIR: "Đề nghị các bên cùng kiểm tra lại mốc giới trên thực địa trong tuần tới.",
        ParticipantRole.MINUTE_TAKER: "",
        ParticipantRole.COMPLAINANT: "Đồng ý đo đạc lại, đề nghị có mặt gia đình khi cắm mốc.",
        ParticipantRole.AGENCY: "Số liệu đo đạc theo bản đồ địa chính; sẵn sàng đo kiểm tra lại.",
    }
    entries = [dialogue.MinutesEntry(p.pk, Signature.SIGNED, opinions.get(p.role, "")) for p in held.participants.all()]
    dialogue.dialogue_record_minutes(
        actor=handler,
        dialogue=held,
        entries=entries,
        result="Thống nhất đo đạc lại ranh giới thửa đất có mặt gia đình; Ủy ban nhân dân ban hành quyết định giải "
        "quyết sau khi có kết quả đo.",
    )
    complaint.refresh_from_db()
    return complaint


def complex_load(demo: Demo) -> dict[str, Petition]:
    """A prolonged complex case (resettlement, over a year), its 3-milestone roadmap (one overdue), a visit
    about it, and the ward's plan to reduce complex cases this year."""
    head, ward = demo.user("demo.chutich"), demo.org("0")
    topic = data.SPECIAL["resettlement"]
    first = submit(demo, topic, received_on=demo.ago(400), channel="post")
    resolve(demo, first, topic, accepted_on=demo.ago(395), concluded_on=demo.ago(360), outcome=Outcome.WRONG)
    second = verify(demo, submit(demo, topic, received_on=demo.ago(70), channel="in_person"), on=demo.ago(64))
    overdue = workflow.petition_extend(
        actor=head, petition=second, reason="Vụ việc phức tạp, liên quan đến nhiều hộ tái định cư và nhiều cơ quan."
    )
    session = demo.extra["regular_sessions"][0]
    visit = visit_record(
        actor=demo.user("demo.tiepdan"),
        session=session,
        data=VisitData(
            kind=Kind.COMPLAINT,
            content_summary="Hỏi tiến độ giải quyết khiếu nại về giao đất tái định cư, "
            "đề nghị sớm có quyết định giải quyết.",
            result=VisitResult.ATTACHED,
            complainants=[_visitor(demo)],
            attach_code=overdue.tracking_code,
        ),
    )
    case = complex_services.complex_register(
        actor=head,
        organization=ward,
        leader=head,
        petitions=[first, overdue],
        unit=demo.communes[0],
        title="Bồi thường, tái định cư dự án đường nội thị khu tổ dân phố số 6",
        summary="Các hộ bị thu hồi đất ở chưa được giao đất tái định cư; khiếu nại về vị trí lô đất và tiền sử dụng "
        "đất. Liên quan Ban quản lý dự án, Văn phòng đăng ký đất đai và Ủy ban nhân dân phường.",
        criteria=["several_contents", "agencies_disagree"],
        public_summary="Ủy ban nhân dân phường đang phối hợp Ban quản lý dự án hoàn thiện mặt bằng khu tái định cư.",
        is_public=True,
    )
    complex_services.complex_link_visit(actor=head, case=case, visit=visit)
    done = complex_services.milestone_add(
        actor=head, case=case, title="Đo đạc, kiểm đếm lại diện tích đất của các hộ", owner=ward, due_on=demo.ago(250)
    )
    complex_services.milestone_update(
        actor=head,
        milestone=done,
        status=MilestoneStatus.DONE,
        done_on=demo.ago(255),
        evidence="Biên bản đo đạc, kiểm đếm có chữ ký của các hộ.",
    )
    late = complex_services.milestone_add(
        actor=head, case=case, title="Họp liên ngành thống nhất vị trí lô tái định cư", owner=ward, due_on=demo.ago(20)
    )
    complex_services.milestone_update(actor=head, milestone=late, status=MilestoneStatus.IN_PROGRESS)
    complex_services.milestone_add(
        actor=head,
        case=case,
        title="Ban hành quyết định giải quyết và đối thoại với các hộ",
        owner=ward,
        due_on=demo.today + dt.timedelta(days=45),
    )
    year = demo.today.year
    baseline = open_cases_on(organizations=[ward.pk], day=quarter_bounds(year, 1)[0])
    plans.plan_create(
        actor=head,
        organization=ward,
        year=year,
        targets={1: baseline, 2: baseline, 3: baseline, 4: max(baseline - 1, 0)},
    )
    return {"overdue": overdue, "complex_first": first}


def hotspots_load(demo: Demo) -> None:
    hotspots.hotspot_scan(today=demo.today)


def index_load() -> None:
    """The search and duplicate indexes at once, so search and the duplicate panel work before the task
    consumer starts (the queued tasks then find nothing to change)."""
    index_petitions(Petition.objects.filter(receiving_organization__is_demo=True).values_list("pk", flat=True))
