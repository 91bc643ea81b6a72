"""Online appointments (đặt lịch tiếp công dân trực tuyến, allowed from 1/7/2026): no account, a confirmation
code, at most the slot's capacity, never twice the same slot for the same phone number."""

from __future__ import annotations

import datetime as dt
import re
import secrets

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from danvan.cases.models import Kind
from danvan.core.text import normalize
from danvan.reception.errors import ReceptionErrorCode, field_error
from danvan.reception.models import Appointment, AppointmentStatus, ReceptionSchedule
from danvan.reception.services.common import audit, today
from danvan.reception.slots import bookable

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_PHONE = re.compile(r"^0\d{9,10}$")


def normalize_phone(phone: str) -> str:
    digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits


def _code() -> str:
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(8))
    return f"LH-{raw[:4]}-{raw[4:]}"


@transaction.atomic
def appointment_book(
    *,
    schedule: ReceptionSchedule,
    day: dt.date,
    start_time: dt.time,
    full_name: str,
    phone: str,
    kind: str,
    subject: str,
    people_count: int = 1,
) -> Appointment:
    schedule = (
        ReceptionSchedule.objects.select_for_update(of=("self",)).select_related("organization").get(pk=schedule.pk)
    )
    if not bookable(schedule=schedule, day=day, today=today()):
        raise field_error(ReceptionErrorCode.BOOKING_NOT_OPEN, "slot")
    if start_time not in schedule.slot_times():
        raise field_error(ReceptionErrorCode.SLOT_UNAVAILABLE, "slot")
    name, phone, subject = normalize(full_name), normalize_phone(phone), normalize(subject)
    if not name:
        raise field_error(ReceptionErrorCode.INVALID, "full_name", message=_("Write your full name."))
    if not _PHONE.match(phone):
        raise field_error(
            ReceptionErrorCode.INVALID, "phone", message=_("Write a Vietnamese phone number, e.g. 0912345678.")
        )
    if kind not in Kind.values:
        raise field_error(ReceptionErrorCode.INVALID, "kind")
    if len(subject) < 5:
        raise field_error(ReceptionErrorCode.INVALID, "subject", message=_("Say briefly what you want to present."))
    if not 1 <= people_count <= 500:
        raise field_error(ReceptionErrorCode.INVALID, "people_count")
    booked = Appointment.objects.filter(
        schedule=schedule, day=day, start_time=start_time, status=AppointmentStatus.BOOKED
    )
    if booked.filter(phone=phone).exists():
        raise field_error(ReceptionErrorCode.DUPLICATE_BOOKING, "slot")
    if booked.count() >= schedule.slot_capacity:
        raise field_error(ReceptionErrorCode.SLOT_FULL, "slot")
    appointment = Appointment(
        schedule=schedule,
        day=day,
        start_time=start_time,
        full_name=name,
        phone=phone,
        kind=kind,
        subject=subject[:250],
        people_count=people_count,
    )
    for _attempt in range(5):
        appointment.code = _code()
        try:
            with transaction.atomic():
                appointment.save()
            break
        except IntegrityError as error:
            if booked.filter(phone=phone).exists():
                raise field_error(ReceptionErrorCode.DUPLICATE_BOOKING, "slot") from error
    audit(
        actor=None,
        action="appointment_booked",
        target=appointment,
        organization_id=schedule.organization_id,
        day=day.isoformat(),
        time=start_time.strftime("%H:%M"),
    )
    return appointment
