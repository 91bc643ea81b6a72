"""Online appointments for citizens: no account; a confirmation code at the end."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.views.decorators.http import require_http_methods

from danvan.cases.views.common import rate_limited, too_many_requests
from danvan.core.errors import DomainError
from danvan.reception.errors import ReceptionErrorCode, field_error
from danvan.reception.forms.reception import BookingForm
from danvan.reception.models import ReceptionSchedule
from danvan.reception.services.booking import appointment_book
from danvan.reception.slots import Slot, bookable_organizations, open_slots
from danvan.reception.views.common import apply_error, today_local

BOOK_RATE = "10/h"


def _choices(slots: list[Slot]) -> list[tuple[str, str]]:
    return [
        (
            slot.value,
            f"{date_format(slot.day, 'l d/m/Y')} {slot.time:%H:%M} — {slot.schedule.place.name}",
        )
        for slot in slots
    ]


@require_http_methods(["GET", "POST"])
def book(request: HttpRequest) -> HttpResponse:
    organizations = bookable_organizations()
    source = request.POST if request.method == "POST" else request.GET
    chosen = source.get("organization", "")
    organization = organizations.filter(pk=int(chosen)).first() if chosen.isdigit() else None
    slots = open_slots(organization=organization, today=today_local()) if organization else []
    form = BookingForm(request.POST or None, slots=_choices(slots))
    if request.method == "POST" and organization is not None:
        if rate_limited(request, group="reception-book", rate=BOOK_RATE):
            return too_many_requests(request)
        if form.is_valid():
            schedule_id, day, time = form.cleaned_data["slot"]
            schedule = ReceptionSchedule.objects.filter(pk=schedule_id, organization=organization).first()
            try:
                if schedule is None:
                    raise field_error(ReceptionErrorCode.SLOT_UNAVAILABLE, "slot")
                appointment = appointment_book(
                    schedule=schedule,
                    day=day,
                    start_time=time,
                    full_name=form.cleaned_data["full_name"],
                    phone=form.cleaned_data["phone"],
                    kind=form.cleaned_data["kind"],
                    subject=form.cleaned_data["subject"],
                    people_count=form.cleaned_data["people_count"],
                )
            except DomainError as error:
                apply_error(form, error)
            else:
                return render(request, "reception/booked.html", {"appointment": appointment})
    status = 400 if request.method == "POST" else 200
    context = {"organizations": organizations, "organization": organization, "form": form, "slots": slots}
    return render(request, "reception/book.html", context, status=status)
