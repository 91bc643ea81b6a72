from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from danvan.core.errors import DomainError


class CalendarErrorCode(StrEnum):
    RULE_UNKNOWN = "time_limit_rule_unknown"
    RULE_NOT_IN_FORCE = "time_limit_rule_not_in_force"
    RULE_VARIANT_MISSING = "time_limit_rule_variant_missing"
    EXTENSIONS_NEGATIVE = "time_limit_extensions_negative"
    TOO_MANY_EXTENSIONS = "time_limit_too_many_extensions"
    RULE_INVALID = "time_limit_rule_invalid"
    RULE_VERSION_OVERLAP = "time_limit_rule_version_overlap"
    CITATION_REQUIRED = "legal_citation_required"
    REASON_REQUIRED = "calendar_override_reason_required"
    OVERRIDE_EXISTS = "calendar_override_exists"


_MESSAGES: dict[CalendarErrorCode, str | Promise] = {
    CalendarErrorCode.RULE_UNKNOWN: _("There is no time-limit rule with the code “%(rule)s”."),
    CalendarErrorCode.RULE_NOT_IN_FORCE: _("No version of the time-limit rule “%(rule)s” was in force on %(date)s."),
    CalendarErrorCode.RULE_VARIANT_MISSING: _(
        "The time-limit rule “%(rule)s” has no figure for this combination of complex case and remote area."
    ),
    CalendarErrorCode.EXTENSIONS_NEGATIVE: _("The number of extensions cannot be negative."),
    CalendarErrorCode.TOO_MANY_EXTENSIONS: _(
        "The time limit “%(rule)s” can be extended at most %(max)s times; %(requested)s extensions were asked for."
    ),
    CalendarErrorCode.RULE_INVALID: _(
        "A time limit needs a length of at least one day, an end date after its start date, and a length for each "
        "extension when extensions are allowed."
    ),
    CalendarErrorCode.RULE_VERSION_OVERLAP: _(
        "This version would overlap an existing version of the same rule. A new version must start after the "
        "latest one starts."
    ),
    CalendarErrorCode.CITATION_REQUIRED: _("Give the legal basis: the document's number, date and issuing body."),
    CalendarErrorCode.REASON_REQUIRED: _(
        "Say why this day is an exception, for example the holiday it is swapped with."
    ),
    CalendarErrorCode.OVERRIDE_EXISTS: _("This date already has a calendar override. Remove it first."),
}


def calendar_error(code: CalendarErrorCode, /, **params: Any) -> DomainError:
    message = _MESSAGES[code]
    return DomainError(code, message % params if params else message, extra=params)


class DeadlineErrorCode(StrEnum):
    DEADLINE_EXISTS = "deadline_already_open"
    DEADLINE_CLOSED = "deadline_closed"
    DEADLINE_PAUSED = "deadline_already_paused"
    DEADLINE_NOT_PAUSED = "deadline_not_paused"
    DATE_BEFORE = "deadline_date_before"
    EXTENSION_REASON_REQUIRED = "deadline_extension_reason_required"
    EXTENSION_NOT_LATER = "deadline_extension_not_later"


_DEADLINE_MESSAGES: dict[DeadlineErrorCode, str | Promise] = {
    DeadlineErrorCode.DEADLINE_EXISTS: _("This record already has an open deadline “%(key)s”."),
    DeadlineErrorCode.DEADLINE_CLOSED: _("This deadline is already completed."),
    DeadlineErrorCode.DEADLINE_PAUSED: _("This deadline is already suspended."),
    DeadlineErrorCode.DEADLINE_NOT_PAUSED: _("This deadline is not suspended."),
    DeadlineErrorCode.DATE_BEFORE: _("The date cannot be before %(date)s."),
    DeadlineErrorCode.EXTENSION_REASON_REQUIRED: _("Give the reason for the extension."),
    DeadlineErrorCode.EXTENSION_NOT_LATER: _("The new due date must be after the current one, %(date)s."),
}


def deadline_error(code: DeadlineErrorCode, /, **params: Any) -> DomainError:
    message = _DEADLINE_MESSAGES[code]
    return DomainError(code, message % params if params else message, extra=params)
