from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.utils.translation import gettext_lazy as _

from danvan.core.errors import DomainError


class ReceptionErrorCode(StrEnum):
    INVALID = "invalid"
    SCHEDULE_IN_PAST = "schedule_in_past"
    SCHEDULE_OVERLAP = "schedule_overlap"
    NOT_A_HEAD = "not_a_head"
    NOT_A_MEMBER = "not_a_member"
    SESSION_IN_FUTURE = "session_in_future"
    VISIT_CONTENT_MISSING = "visit_content_missing"
    TOO_MANY_REPRESENTATIVES = "too_many_representatives"
    REPRESENTATIVE_NOT_COMPLAINANT = "representative_not_complainant"
    PETITION_NOT_FOUND = "petition_not_found"
    REFUSAL_GROUND_MISSING = "refusal_ground_missing"
    CONCLUSIONS_NOT_PERIODIC = "conclusions_not_periodic"
    NOTICE_ALREADY_ISSUED = "notice_already_issued"
    BOOKING_NOT_OPEN = "booking_not_open"
    SLOT_UNAVAILABLE = "slot_unavailable"
    DUPLICATE_BOOKING = "duplicate_booking"
    SLOT_FULL = "slot_full"
    DIALOGUE_NOTICE_TOO_SHORT = "dialogue_notice_too_short"
    DIALOGUE_NOT_A_COMPLAINT = "dialogue_not_a_complaint"
    DIALOGUE_STATE = "dialogue_state"
    DIALOGUE_IN_FUTURE = "dialogue_in_future"
    NO_CRITERION = "no_criterion"
    MILESTONE_BEFORE_CASE = "milestone_before_case"
    EVIDENCE_MISSING = "evidence_missing"
    CASE_RESOLVED = "case_resolved"
    PLAN_EXISTS = "plan_exists"
    TARGETS_INVALID = "targets_invalid"
    HOTSPOT_CLOSED = "hotspot_closed"
    THRESHOLD_TOO_LOW = "threshold_too_low"


_MESSAGES = {
    ReceptionErrorCode.INVALID: _("Some fields are missing or wrong."),
    ReceptionErrorCode.SCHEDULE_IN_PAST: _("A new schedule cannot start on a day that has already passed."),
    ReceptionErrorCode.SCHEDULE_OVERLAP: _("This time overlaps another reception schedule at the same place."),
    ReceptionErrorCode.NOT_A_HEAD: _("The head must be the head of this organisation."),
    ReceptionErrorCode.NOT_A_MEMBER: _("The person must be an officer of this organisation."),
    ReceptionErrorCode.SESSION_IN_FUTURE: _("Visits can be recorded only on or after the day of the reception."),
    ReceptionErrorCode.VISIT_CONTENT_MISSING: _("Write a summary of what the citizen presented."),
    ReceptionErrorCode.TOO_MANY_REPRESENTATIVES: _("Too many representatives for the size of the group."),
    ReceptionErrorCode.REPRESENTATIVE_NOT_COMPLAINANT: _("A representative must be one of the complainants."),
    ReceptionErrorCode.PETITION_NOT_FOUND: _("No petition with this tracking code is visible to you."),
    ReceptionErrorCode.REFUSAL_GROUND_MISSING: _("Choose the legal ground for refusing the reception."),
    ReceptionErrorCode.CONCLUSIONS_NOT_PERIODIC: _(
        "A notice of conclusions follows a reception by the head (periodic or ad hoc)."
    ),
    ReceptionErrorCode.NOTICE_ALREADY_ISSUED: _("The notice of conclusions of this session has already been issued."),
    ReceptionErrorCode.BOOKING_NOT_OPEN: _("Online appointments are not possible for this day."),
    ReceptionErrorCode.SLOT_UNAVAILABLE: _("This time is not one of the reception times. Choose another."),
    ReceptionErrorCode.DUPLICATE_BOOKING: _("You already have an appointment at this time."),
    ReceptionErrorCode.SLOT_FULL: _("This time is fully booked. Choose another."),
    ReceptionErrorCode.DIALOGUE_NOTICE_TOO_SHORT: _("The parties were not notified early enough before the dialogue."),
    ReceptionErrorCode.DIALOGUE_NOT_A_COMPLAINT: _(
        "A dialogue is held in resolving a complaint (Complaint Law art. 30, 39)."
    ),
    ReceptionErrorCode.DIALOGUE_STATE: _("This is not possible at the dialogue's current step."),
    ReceptionErrorCode.DIALOGUE_IN_FUTURE: _("The minutes can be recorded only once the dialogue has taken place."),
    ReceptionErrorCode.NO_CRITERION: _("Choose at least one criterion of a complex case."),
    ReceptionErrorCode.MILESTONE_BEFORE_CASE: _("A milestone cannot be due before the case arose."),
    ReceptionErrorCode.EVIDENCE_MISSING: _("Describe the evidence that the milestone is done."),
    ReceptionErrorCode.CASE_RESOLVED: _("The case is already resolved."),
    ReceptionErrorCode.PLAN_EXISTS: _("This organisation already has a reduction plan for that year."),
    ReceptionErrorCode.TARGETS_INVALID: _(
        "Targets must not exceed the number at the start of the year and must not rise from one quarter to the next."
    ),
    ReceptionErrorCode.HOTSPOT_CLOSED: _("This hotspot is closed."),
    ReceptionErrorCode.THRESHOLD_TOO_LOW: _("The value is below the smallest allowed value."),
}


def reception_error(
    code: ReceptionErrorCode,
    *,
    status: int = 400,
    message: Any = None,
    fields: dict[str, list[str]] | None = None,
) -> DomainError:
    extra = {"fields": fields} if fields else None
    return DomainError(code, message or _MESSAGES[code], extra=extra, status=status)


def field_error(code: ReceptionErrorCode, field: str, *, message: Any = None, status: int = 400) -> DomainError:
    """A refusal that belongs to one form field: the message is shown there (and on top)."""
    text = message or _MESSAGES[code]
    return DomainError(code, text, extra={"fields": {field: [str(text)]}}, status=status)
