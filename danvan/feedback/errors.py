from __future__ import annotations

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from danvan.core.errors import DomainError


class FeedbackErrorCode(StrEnum):
    SCORE_OUT_OF_RANGE = "feedback_score_out_of_range"
    ALREADY_ANSWERED = "feedback_already_answered"
    FORM_ALREADY_SENT = "feedback_form_already_sent"
    FORM_EXPIRED = "feedback_form_expired"
    ORGANIZATION_UNKNOWN = "feedback_organization_unknown"


MESSAGES = {
    FeedbackErrorCode.SCORE_OUT_OF_RANGE: _(
        "Each score must be a whole number from 1 (very dissatisfied) to 5 (very satisfied)."
    ),
    FeedbackErrorCode.ALREADY_ANSWERED: _(
        "You have already answered the survey about this organisation this year. Thank you."
    ),
    FeedbackErrorCode.FORM_ALREADY_SENT: _("This form was already sent; your answers were recorded once."),
    FeedbackErrorCode.FORM_EXPIRED: _("The form has expired. Please open the survey again."),
    FeedbackErrorCode.ORGANIZATION_UNKNOWN: _("This organisation is not on the platform."),
}
STATUS = {FeedbackErrorCode.ALREADY_ANSWERED: 409, FeedbackErrorCode.FORM_ALREADY_SENT: 409}


def feedback_error(code: FeedbackErrorCode) -> DomainError:
    return DomainError(code, MESSAGES[code], status=STATUS.get(code, 400))
