"""The pages put the services' refusals on the form (400, nothing saved), keep a denouncer's identity from whoever
may not see it, and keep their query count flat."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from django.utils.translation import gettext as _

from danvan.reception.models import Appointment, ReceptionKind, ReceptionSchedule, ReceptionSession, ReceptionVisit
from danvan.reception.services.visits import PersonData, VisitData, visit_record

VN = ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = dt.date(2026, 11, 12)


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(dt.datetime(2026, 11, 12, 9, 0, tzinfo=VN), tick=False):
        yield


@pytest.fixture
def session(world, place_a, personas):
    officer = personas["officer_same"]
    return ReceptionSession.objects.create(
        organization=world.org_a,
        place=place_a,
        kind=ReceptionKind.REGULAR,
        held_on=TODAY,
        received_by=officer,
        created_by=officer,
    )


VISIT = {
    "kind": "complaint",
    "people_count": 7,
    "complainants": "Hoàng Văn Dũng\nĐinh Thị Hạnh\nLương Văn Khải",
    "representatives": "Hoàng Văn Dũng\nĐinh Thị Hạnh\nLương Văn Khải",
    "content_summary": "Khiếu nại mức bồi thường khi thu hồi đất làm đường liên xã.",
    "result": "new_petition",
    "complaint_round": 1,
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {},
            lambda: (
                _("A group of %(people)s people may choose at most %(limit)s representatives (%(citation)s).")
                % {"people": 7, "limit": 2, "citation": "Luật Tiếp công dân 2013, Điều 29"}
            ),
        ),
        (
            {"representatives": "Người Lạ"},
            lambda: (
                _("%(name)s is not among the complainants: a representative must be one of them.")
                % {"name": "Người Lạ"}
            ),
        ),
        ({"content_summary": ""}, lambda: _("Write a summary of what the citizen presented.")),
        (
            {"complainants": "Hoàng Văn Dũng; 1; 2; 3; 4"},
            lambda: _("Line %(n)s: write full name; ID number; address; phone.") % {"n": 1},
        ),
    ],
)
def test_bad_visits_are_refused_on_the_form(session, as_persona, change, message):
    response = as_persona("officer_same").post(f"/reception/sessions/{session.pk}/visits/add/", VISIT | change)
    assert response.status_code == 400
    assert escape(message()) in response.content.decode()
    assert ReceptionVisit.objects.count() == 0


def test_a_schedule_starting_yesterday_is_refused_on_the_form(world, place_a, as_persona):
    response = as_persona("officer_same").post(
        "/reception/schedules/add/",
        {
            "place": place_a.pk,
            "kind": "regular",
            "weekday": 0,
            "week_of_month": 0,
            "start_time": "07:30",
            "end_time": "11:30",
            "starts_on": "2026-11-11",
            "slot_minutes": 30,
            "slot_capacity": 1,
        },
    )
    assert response.status_code == 400
    assert escape(_("A new schedule cannot start on a day that has already passed.")) in response.content.decode()
    assert ReceptionSchedule.objects.count() == 0


def test_a_denouncers_visit_is_masked_for_the_inspector(session, personas, as_persona):
    visit = visit_record(
        actor=personas["officer_same"],
        session=session,
        data=VisitData(
            kind="denunciation",
            result="guided",
            guided_to="Thanh tra tỉnh",
            content_summary="Tố cáo công chức nhận tiền khi cấp phép xây dựng.",
            complainants=[PersonData("Phạm Văn Tố", "", "Tổ 5", "0977000111")],
        ),
    )
    inspector = as_persona("province_inspector").get(f"/reception/visits/{visit.pk}/").content.decode()
    assert "Phạm Văn Tố" not in inspector
    assert "0977000111" not in inspector
    recorder = as_persona("officer_same").get(f"/reception/visits/{visit.pk}/").content.decode()
    assert "Phạm Văn Tố" in recorder
    session_page = as_persona("province_inspector").get(f"/reception/sessions/{session.pk}/").content.decode()
    assert "Phạm Văn Tố" not in session_page


def test_a_denouncers_appointment_is_masked_outside_the_reception_office(world, place_a, head_a, as_persona):
    schedule = ReceptionSchedule.objects.create(
        organization=world.org_a,
        place=place_a,
        kind="regular",
        weekday=3,
        start_time=dt.time(8),
        end_time=dt.time(11),
        starts_on=TODAY,
        online_booking=True,
        created_by=head_a,
    )
    Appointment.objects.create(
        schedule=schedule,
        day=dt.date(2026, 11, 19),
        start_time=dt.time(8),
        code="LH-AAAA-BBBB",
        full_name="Phạm Văn Tố",
        phone="0977000111",
        kind="denunciation",
        subject="Tố cáo cán bộ",
    )
    assert "Phạm Văn Tố" in as_persona("officer_same").get("/reception/appointments/").content.decode()
    inspector = as_persona("province_inspector").get("/reception/appointments/").content.decode()
    assert "Phạm Văn Tố" not in inspector
    assert "0977000111" not in inspector
    assert "LH-AAAA-BBBB" in inspector


def test_the_register_keeps_a_flat_query_count(world, session, personas, as_persona):
    client = as_persona("officer_same")

    def visits(n):
        for i in range(n):
            visit_record(
                actor=personas["officer_same"],
                session=session,
                data=VisitData(
                    kind="feedback",
                    result="guided",
                    guided_to="Điện lực",
                    content_summary=f"Phản ánh đèn đường hỏng số {i}.",
                    complainants=[PersonData(f"Người {i}")],
                ),
            )

    visits(2)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/reception/register/").status_code == 200
    visits(8)
    with CaptureQueriesContext(connection) as many:
        assert client.get("/reception/register/").status_code == 200
    assert len(many) == len(few)
