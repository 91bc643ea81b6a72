"""Citizen reception: places, schedules, sessions (regular, periodic by the head, ad hoc), the visits recorded
in the reception register (sổ tiếp công dân, form 03/TCD) and appointments booked online."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import Organization
from danvan.cases.models import Kind, Petition
from danvan.core.models import TimeStampedModel
from danvan.reception.models.choices import (
    AdHocCondition,
    AppointmentStatus,
    HeadPosition,
    ReceptionKind,
    VisitResult,
    Weekday,
    WeekOfMonth,
)

LAST_WEEK = WeekOfMonth.LAST  # the last such weekday of the month


def condition_labels(codes: list[str]) -> list[str]:
    return [str(AdHocCondition(code).label) for code in codes if code in AdHocCondition.values]


class ReceptionPlace(TimeStampedModel):
    """A reception office or room (trụ sở, địa điểm tiếp công dân) of an organisation."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="reception_places"
    )
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=250)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("reception place")
        verbose_name_plural = _("reception places")
        ordering = ["organization", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="reception_place_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class ReceptionSchedule(TimeStampedModel):
    """A recurring reception slot: every week, or the n-th (or last) given weekday of each month."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="reception_schedules"
    )
    place = models.ForeignKey(
        ReceptionPlace, verbose_name=_("place"), on_delete=models.PROTECT, related_name="schedules"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ReceptionKind.choices)
    head = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("head who receives"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    position = models.CharField(_("position of the head"), max_length=40, choices=HeadPosition.choices, blank=True)
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    week_of_month = models.PositiveSmallIntegerField(
        _("week of the month"), choices=WeekOfMonth.choices, default=WeekOfMonth.EVERY
    )
    start_time = models.TimeField(_("from"))
    end_time = models.TimeField(_("until"))
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"), null=True, blank=True)
    online_booking = models.BooleanField(_("citizens may book online"), default=False)
    slot_minutes = models.PositiveSmallIntegerField(_("minutes per appointment"), default=30)
    slot_capacity = models.PositiveSmallIntegerField(_("appointments per time slot"), default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("reception schedule")
        verbose_name_plural = _("reception schedules")
        ordering = ["organization", "weekday", "start_time"]
        constraints = [
            models.CheckConstraint(condition=Q(weekday__lte=6), name="reception_schedule_weekday"),
            models.CheckConstraint(condition=Q(week_of_month__lte=LAST_WEEK), name="reception_schedule_week"),
            models.CheckConstraint(condition=Q(end_time__gt=F("start_time")), name="reception_schedule_times"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")), name="reception_schedule_dates"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.place} {self.start_time:%H:%M}–{self.end_time:%H:%M}"

    def falls_on(self, day: dt.date) -> bool:
        """True when the pattern (weekday, week of the month, first and last day) includes ``day``."""
        if day.weekday() != self.weekday or day < self.starts_on or (self.ends_on and day > self.ends_on):
            return False
        if self.week_of_month == 0:
            return True
        if self.week_of_month == LAST_WEEK:
            return (day + dt.timedelta(days=7)).month != day.month
        return (day.day - 1) // 7 + 1 == self.week_of_month

    def days_between(self, start: dt.date, end: dt.date) -> list[dt.date]:
        first = max(start, self.starts_on)
        first += dt.timedelta(days=(self.weekday - first.weekday()) % 7)
        last = min(end, self.ends_on) if self.ends_on else end
        days = []
        while first <= last:
            if self.falls_on(first):
                days.append(first)
            first += dt.timedelta(days=7)
        return days

    def slot_times(self) -> list[dt.time]:
        times, minute = [], self.start_time.hour * 60 + self.start_time.minute
        end = self.end_time.hour * 60 + self.end_time.minute
        while minute + self.slot_minutes <= end:
            times.append(dt.time(minute // 60, minute % 60))
            minute += self.slot_minutes
        return times


class ReceptionSession(TimeStampedModel):
    """One reception held on one day at one place: regular (by reception officers), periodic (the head's
    reception day) or ad hoc (the head at once, Luật Tiếp công dân art. 18(3))."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="reception_sessions"
    )
    place = models.ForeignKey(ReceptionPlace, verbose_name=_("place"), on_delete=models.PROTECT, related_name="+")
    schedule = models.ForeignKey(
        ReceptionSchedule, null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ReceptionKind.choices)
    held_on = models.DateField(_("date"))
    head = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("head whose reception it is"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    position = models.CharField(_("position of the head"), max_length=40, choices=HeadPosition.choices, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("received by"), on_delete=models.PROTECT, related_name="+"
    )
    ad_hoc_conditions = models.JSONField(_("conditions of art. 18(3)"), default=list, blank=True)
    participants = models.CharField(_("also present"), max_length=300, blank=True)
    conclusions = models.TextField(_("conclusions of the head"), blank=True)
    notice_number = models.CharField(_("number of the notice of conclusions"), max_length=40, blank=True)
    notice_file = models.FileField(upload_to="reception/notices/%Y/", blank=True)
    notice_issued_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("reception session")
        verbose_name_plural = _("reception sessions")
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["organization", "kind", "held_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on:%d/%m/%Y}"

    @property
    def is_delegated(self) -> bool:
        return self.head_id is not None and self.received_by_id != self.head_id

    def ad_hoc_labels(self) -> list[str]:
        return condition_labels(self.ad_hoc_conditions)


class ReceptionVisit(models.Model):
    """One citizen or group received (một lượt tiếp): a row of the reception register (form 03/TCD).

    For a denunciation the people's identity is confidential (Denunciation Law art. 8(3), 47): read it only
    through ``danvan.reception.selectors.visit_people`` which checks and audits the access.
    """

    session = models.ForeignKey(ReceptionSession, on_delete=models.PROTECT, related_name="visits")
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    received_on = models.DateField(_("date of reception"))
    year = models.PositiveSmallIntegerField()  # the register is numbered from 1 each year
    serial = models.PositiveIntegerField(_("no."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    people_count = models.PositiveIntegerField(_("number of people"), default=1)
    content_summary = models.TextField(_("summary of the content"))
    requests = models.TextField(_("the citizen's requests"), blank=True)
    previous_handling = models.CharField(_("agencies that have already dealt with it"), max_length=300, blank=True)
    within_competence = models.BooleanField(_("within competence"), null=True)
    ad_hoc_conditions = models.JSONField(_("conditions of art. 18(3)"), default=list, blank=True)
    result = models.CharField(_("result"), max_length=20, choices=VisitResult.choices)
    petition = models.ForeignKey(
        Petition, null=True, blank=True, on_delete=models.PROTECT, related_name="reception_visits"
    )
    refusal_ground = models.ForeignKey(
        "law.LegalGround",
        verbose_name=_("ground for refusal"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    guided_to = models.CharField(_("guided to"), max_length=250, blank=True)
    guidance_reference = models.CharField(_("guidance document no."), max_length=60, blank=True)
    direction = models.TextField(_("direction of the head"), blank=True)
    notes = models.CharField(_("notes"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reception visit")
        verbose_name_plural = _("reception visits")
        ordering = ["received_on", "serial"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "year", "serial"], name="reception_visit_serial"),
        ]
        indexes = [models.Index(fields=["organization", "received_on"])]

    def __str__(self) -> str:
        return f"{self.serial} ({self.received_on:%d/%m/%Y})"

    @property
    def is_denunciation(self) -> bool:
        return self.kind == Kind.DENUNCIATION

    def ad_hoc_labels(self) -> list[str]:
        return condition_labels(self.ad_hoc_conditions)


class VisitPerson(models.Model):
    """A citizen received: a complainant (or denouncer…), possibly chosen as representative of the group."""

    visit = models.ForeignKey(ReceptionVisit, on_delete=models.CASCADE, related_name="people")
    full_name = models.CharField(_("full name"), max_length=150)
    personal_id = models.CharField(_("personal ID or passport number"), max_length=20, blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    phone = models.CharField(_("phone number"), max_length=20, blank=True)
    is_representative = models.BooleanField(_("representative"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["visit", "position", "id"]

    def __str__(self) -> str:
        return f"#{self.pk}"


class Appointment(TimeStampedModel):
    """A reception appointment booked online by a citizen, confirmed with a code (no account needed)."""

    schedule = models.ForeignKey(ReceptionSchedule, on_delete=models.PROTECT, related_name="appointments")
    day = models.DateField(_("date"))
    start_time = models.TimeField(_("time"))
    code = models.CharField(_("confirmation code"), max_length=12, unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    phone = models.CharField(_("phone number"), max_length=20)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    subject = models.CharField(_("subject"), max_length=250)
    people_count = models.PositiveIntegerField(_("number of people"), default=1)
    status = models.CharField(
        _("status"), max_length=10, choices=AppointmentStatus.choices, default=AppointmentStatus.BOOKED
    )

    class Meta:
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        ordering = ["day", "start_time", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["schedule", "day", "start_time", "phone"],
                condition=Q(status="booked"),
                name="reception_appointment_once_per_slot",
            ),
        ]

    def __str__(self) -> str:
        return self.code
