from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.utils.translation import gettext_lazy as _

from danvan.core.errors import DomainError


class CaseErrorCode(StrEnum):
    INVALID = "invalid"
    TRANSITION_NOT_ALLOWED = "transition_not_allowed"
    NOT_ELIGIBLE = "not_eligible"
    NOT_COMPETENT = "not_competent"
    ANONYMOUS_DENUNCIATION = "anonymous_denunciation"
    TOO_MANY_EXTENSIONS = "too_many_extensions"
    EXTENSION_NOT_APPLICABLE = "extension_not_applicable"
    SAME_ORGANIZATION = "same_organization"
    NOT_A_MEMBER = "not_a_member"
    DUPLICATE_OF_ITSELF = "duplicate_of_itself"
    IDEMPOTENCY_CONFLICT = "idempotency_conflict"
    REOPEN_TOO_LATE = "reopen_too_late"
    ATTACHMENT_REJECTED = "attachment_rejected"
    BAD_SECRET = "bad_secret"  # noqa: S105 - an error code, not a password
    DIALOGUE_NOTICE_TOO_SHORT = "dialogue_notice_too_short"


_MESSAGES = {
    CaseErrorCode.INVALID: _("Some fields are missing or wrong."),
    CaseErrorCode.TRANSITION_NOT_ALLOWED: _("This action is not possible at the petition's current step."),
    CaseErrorCode.NOT_ELIGIBLE: _("Only an eligible petition can be accepted for resolution."),
    CaseErrorCode.NOT_COMPETENT: _(
        "The petition is outside this organisation's competence: forward it or guide the citizen."
    ),
    CaseErrorCode.ANONYMOUS_DENUNCIATION: _(
        "An anonymous denunciation is not handled as a denunciation (Denunciation Law art. 25): "
        "record it as information for inspection if its content is concrete."
    ),
    CaseErrorCode.TOO_MANY_EXTENSIONS: _("The law allows no further extension for this petition."),
    CaseErrorCode.EXTENSION_NOT_APPLICABLE: _("An extension applies only to complex cases."),
    CaseErrorCode.SAME_ORGANIZATION: _("Choose another organisation: the petition is already here."),
    CaseErrorCode.NOT_A_MEMBER: _("The handler must be an officer of the handling organisation."),
    CaseErrorCode.DUPLICATE_OF_ITSELF: _("A petition cannot be a duplicate of itself or of another copy."),
    CaseErrorCode.IDEMPOTENCY_CONFLICT: _("This Idempotency-Key was already used for a different request."),
    CaseErrorCode.REOPEN_TOO_LATE: _(
        "A closed petition can no longer be reopened: the time limit after closing has passed."
    ),
    CaseErrorCode.ATTACHMENT_REJECTED: _("The attachment was rejected."),
    CaseErrorCode.BAD_SECRET: _("The tracking code or the secret is wrong."),
    CaseErrorCode.DIALOGUE_NOTICE_TOO_SHORT: _("The parties were not notified early enough before the dialogue."),
}


def case_error(
    code: CaseErrorCode, *, status: int = 400, message: Any = None, fields: dict[str, list[str]] | None = None
) -> DomainError:
    extra = {"fields": fields} if fields else None
    return DomainError(code, message or _MESSAGES[code], extra=extra, status=status)
