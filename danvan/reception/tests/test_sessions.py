"""Places, schedules (no first day in the past, no overlap), sessions (delegation), online booking (from
1 July 2026, a code, no duplicate, no overbooking)."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils.html import escape
from django.utils.translation import gettext as _

from danvan.accounts.models import Role
from danvan.audit.models import AuditEvent
from danvan.core.errors import DomainError
from danvan.reception.models import AdHocCondition, Appointment, ReceptionSchedule, ReceptionSession
from danvan.reception.services.booking import appointment_book
from danvan.reception.services.sessions import place_add, schedule_add, session_open
from danvan.reception.slots import open_slots
from danvan.testing import make_user

VN = ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = dt.date(2026, 11, 12)  # a Thursday


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(dt.datetime(2026, 11, 12, 9, 0, tzinfo=VN), tick=False):
        yield


def _schedule(world, place, head_user, **overrides):
    values = {
        "actor": head_user,
        "organization": world.org_a,
        "place": place,
        "kind": "periodic",
        "weekday": 3,
        "start_time": dt.time(7, 30),
        "end_time": dt.time(11, 30),
        "starts_on": TODAY,
        "head": head_user,
    }
    values.update(overrides)
    return schedule_add(**values)


def test_schedule_patterns(world, place_a, head_a):
    every_thursday = _schedule(world, place_a, head_a)
    assert every_thursday.position == "commune_chairman"
    assert every_thursday.days_between(dt.date(2026, 11, 1), dt.date(2026, 11, 30)) == [
        dt.date(2026, 11, 12),
        dt.date(2026, 11, 19),
        dt.date(2026, 11, 26),
    ]
    last_friday = _schedule(world, place_a, head_a, weekday=4, week_of_month=5)
    assert last_friday.days_between(dt.date(2026, 11, 1), dt.date(2027, 1, 31)) == [
        dt.date(2026, 11, 27),
        dt.date(2026, 12, 25),
        dt.date(2027, 1, 29),
    ]


def test_a_new_schedule_cannot_start_in_the_past(world, place_a, head_a):
    with pytest.raises(DomainError) as caught:
        _schedule(world, place_a, head_a, starts_on=TODAY - dt.timedelta(days=1))
    assert (caught.value.code, list(caught.value.extra["fields"])) == ("schedule_in_past", ["starts_on"])
    assert ReceptionSchedule.objects.count() == 0


def test_overlapping_slots_at_one_place_are_refused(world, place_a, head_a, personas):
    _schedule(world, place_a, head_a, week_of_month=2)
    officer = personas["officer_same"]
    overlap = {"actor": officer, "kind": "regular", "head": None, "start_time": dt.time(10), "end_time": dt.time(12)}
    with pytest.raises(DomainError) as caught:
        _schedule(world, place_a, head_a, **overlap)
    assert caught.value.code == "schedule_overlap"
    # Another week of the month, or the afternoon, or another place: no overlap.
    _schedule(world, place_a, head_a, **overlap | {"week_of_month": 3})
    _schedule(world, place_a, head_a, **overlap | {"start_time": dt.time(13), "end_time": dt.time(16)})
    other_place = place_add(actor=officer, organization=world.org_a, name="Nhà văn hóa tổ 9", address="Tổ 9")
    _schedule(world, other_place, head_a, **overlap)
    assert ReceptionSchedule.objects.count() == 4


def test_a_periodic_schedule_needs_the_head(world, place_a, personas):
    with pytest.raises(DomainError) as caught:
        _schedule(world, place_a, personas["officer_same"], head=personas["officer_same"])
    assert caught.value.code == "not_a_head"


def test_a_session_received_by_someone_else_is_delegated(world, place_a, head_a):
    deputy = make_user("deputy", org=world.org_a, role=Role.CASE_HANDLER)
    session = session_open(
        actor=head_a,
        organization=world.org_a,
        place=place_a,
        kind="periodic",
        held_on=TODAY,
        head=head_a,
        received_by=deputy,
    )
    assert session.is_delegated
    assert session.position == "commune_chairman"
    event = AuditEvent.objects.get(action="reception.session_opened")
    assert event.data == {"kind": "periodic", "held_on": "2026-11-12", "delegated": True}
    with pytest.raises(DomainError) as caught:
        session_open(actor=head_a, organization=world.org_a, place=place_a, kind="periodic", held_on=TODAY, head=head_a)
    assert list(caught.value.extra["fields"]) == ["held_on"]


def test_ad_hoc_reception_names_its_condition(world, place_a, head_a):
    with pytest.raises(DomainError) as caught:
        session_open(actor=head_a, organization=world.org_a, place=place_a, kind="ad_hoc", held_on=TODAY, head=head_a)
    assert list(caught.value.extra["fields"]) == ["ad_hoc_conditions"]
    session = session_open(
        actor=head_a,
        organization=world.org_a,
        place=place_a,
        kind="ad_hoc",
        held_on=TODAY,
        head=head_a,
        ad_hoc_conditions=["many_people", "serious_consequences"],
    )
    assert session.ad_hoc_labels() == [AdHocCondition.MANY_PEOPLE.label, AdHocCondition.SERIOUS_CONSEQUENCES.label]
    assert ReceptionSession.objects.count() == 1


def _bookable(world, place_a, head_a, **overrides):
    return _schedule(world, place_a, head_a, online_booking=True, slot_minutes=60, slot_capacity=2, **overrides)


def test_booking_gives_a_code_and_refuses_a_duplicate_and_a_full_slot(world, place_a, head_a):
    schedule = _bookable(world, place_a, head_a)
    slot = open_slots(organization=world.org_a, today=TODAY)[0]
    assert (slot.day, slot.time, slot.left) == (dt.date(2026, 11, 19), dt.time(7, 30), 2)
    book = {
        "schedule": schedule,
        "day": slot.day,
        "start_time": slot.time,
        "kind": "feedback",
        "subject": "Đèn đường hỏng",
    }
    first = appointment_book(full_name="Phạm Thị Cúc", phone="+84 987 654 321", **book)
    assert re.fullmatch(r"LH-[0-9A-Z]{4}-[0-9A-Z]{4}", first.code)
    assert first.phone == "0987654321"
    with pytest.raises(DomainError) as caught:
        appointment_book(full_name="Phạm Thị Cúc", phone="0987654321", **book)
    assert caught.value.code == "duplicate_booking"
    appointment_book(full_name="Đỗ Văn Em", phone="0911000111", **book)
    with pytest.raises(DomainError) as caught:
        appointment_book(full_name="Vũ Thị Gấm", phone="0911000222", **book)
    assert caught.value.code == "slot_full"
    assert Appointment.objects.count() == 2
    assert open_slots(organization=world.org_a, today=TODAY)[0].time == dt.time(8, 30)


def test_booking_outside_the_schedule_or_the_law_is_refused(world, place_a, head_a):
    schedule = _bookable(world, place_a, head_a)
    base = {
        "schedule": schedule,
        "full_name": "Phạm Thị Cúc",
        "phone": "0987654321",
        "kind": "feedback",
        "subject": "Đèn đường",
    }
    with pytest.raises(DomainError) as caught:
        appointment_book(day=dt.date(2026, 11, 20), start_time=dt.time(7, 30), **base)  # a Friday
    assert caught.value.code == "booking_not_open"
    with pytest.raises(DomainError) as caught:
        appointment_book(day=dt.date(2026, 11, 19), start_time=dt.time(7, 45), **base)
    assert caught.value.code == "slot_unavailable"
    with pytest.raises(DomainError) as caught:
        appointment_book(day=dt.date(2026, 11, 19), start_time=dt.time(7, 30), **base | {"phone": "12345"})
    assert caught.value.code == "invalid"
    assert Appointment.objects.count() == 0


def test_online_booking_opens_on_1_july_2026(world, place_a, head_a):
    with time_machine.travel(dt.datetime(2026, 6, 20, 9, 0, tzinfo=VN), tick=False):
        schedule = _bookable(world, place_a, head_a, starts_on=dt.date(2026, 6, 20))
        days = {slot.day for slot in open_slots(organization=world.org_a, today=dt.date(2026, 6, 20))}
        assert min(days) == dt.date(2026, 7, 2)  # Thursday 25 June is before the law allows it
        with pytest.raises(DomainError) as caught:
            appointment_book(
                schedule=schedule,
                day=dt.date(2026, 6, 25),
                start_time=dt.time(7, 30),
                full_name="Phạm Thị Cúc",
                phone="0987654321",
                kind="feedback",
                subject="Đèn đường",
            )
        assert caught.value.code == "booking_not_open"


def test_the_booking_page_confirms_with_the_code(world, place_a, head_a, client):
    _bookable(world, place_a, head_a)
    page = client.get(f"/reception/book/?organization={world.org_a.pk}")
    slot = page.context["slots"][0]
    data = {
        "organization": world.org_a.pk,
        "slot": slot.value,
        "full_name": "Phạm Thị Cúc",
        "phone": "0987654321",
        "kind": "feedback",
        "subject": "Đèn đường hỏng",
        "people_count": 1,
    }
    response = client.post("/reception/book/", data)
    appointment = Appointment.objects.get()
    assert response.status_code == 200
    assert appointment.code in response.content.decode()
    again = client.post("/reception/book/", data)
    assert again.status_code == 400
    assert escape(_("You already have an appointment at this time.")) in again.content.decode()
    assert Appointment.objects.count() == 1
