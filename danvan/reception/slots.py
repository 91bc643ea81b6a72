"""Public reads for online booking: which organisations take appointments and which times are free.

No personal data: only schedules, places and how many places are left in each time slot."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import QuerySet

from danvan.accounts.models import Organization
from danvan.calendar.selectors import is_working_day
from danvan.reception import law
from danvan.reception.models import Appointment, AppointmentStatus, ReceptionSchedule

BOOKING_DAYS_AHEAD = 30  # how far ahead the booking page offers times (a product choice, not a legal figure)


@dataclass(frozen=True)
class Slot:
    schedule: ReceptionSchedule
    day: dt.date
    time: dt.time
    left: int

    @property
    def value(self) -> str:
        return f"{self.schedule.pk}|{self.day.isoformat()}|{self.time:%H:%M}"


def bookable_organizations() -> QuerySet[Organization]:
    return (
        Organization.objects.filter(is_active=True, reception_schedules__online_booking=True)
        .select_related("unit")
        .distinct()
        .order_by("name")
    )


def bookable(*, schedule: ReceptionSchedule, day: dt.date, today: dt.date) -> bool:
    """Online booking is open for that day: after today, by law in force (from 1/7/2026), a working day."""
    return (
        schedule.online_booking
        and today < day <= today + dt.timedelta(days=BOOKING_DAYS_AHEAD)
        and schedule.falls_on(day)
        and law.online_booking_rule(day=day) is not None
        and is_working_day(day)
    )


def open_slots(*, organization: Organization, today: dt.date) -> list[Slot]:
    schedules = list(
        ReceptionSchedule.objects.filter(organization=organization, online_booking=True).select_related("place")
    )
    end = today + dt.timedelta(days=BOOKING_DAYS_AHEAD)
    taken = Counter(
        Appointment.objects.filter(
            schedule__in=schedules, status=AppointmentStatus.BOOKED, day__gt=today, day__lte=end
        ).values_list("schedule_id", "day", "start_time")
    )
    slots = []
    for schedule in schedules:
        for day in schedule.days_between(today + dt.timedelta(days=1), end):
            if not bookable(schedule=schedule, day=day, today=today):
                continue
            for time in schedule.slot_times():
                left = schedule.slot_capacity - taken[(schedule.pk, day, time)]
                if left > 0:
                    slots.append(Slot(schedule, day, time, left))
    return sorted(slots, key=lambda s: (s.day, s.time, s.schedule.pk))
