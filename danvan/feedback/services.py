"""Recording a survey answer: scores checked, one answer per form and per person, organisation and year."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone

from danvan.accounts.models import Organization
from danvan.audit.services import audit_record
from danvan.core.text import normalize
from danvan.feedback.errors import FeedbackErrorCode, feedback_error
from danvan.feedback.models import CRITERIA, SCORE_MAX, SCORE_MIN, SurveyResponse

TOKEN_SALT = "danvan.feedback.survey"  # noqa: S105 - a signing salt, not a secret
TOKEN_MAX_AGE = 24 * 3600
COMMENT_LIMIT = 2000


def issue_survey_token() -> str:
    return signing.TimestampSigner(salt=TOKEN_SALT).sign(secrets.token_hex(16))


def _check_token(token: str) -> str:
    try:
        return signing.TimestampSigner(salt=TOKEN_SALT).unsign(token, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        raise feedback_error(FeedbackErrorCode.FORM_EXPIRED) from None


@dataclass(frozen=True)
class SurveyAnswer:
    scores: dict[str, int]
    comment: str = ""


def survey_submit(
    *, organization: Organization, answer: SurveyAnswer, token: str, answered_before: bool
) -> SurveyResponse:
    """Record one answer. ``answered_before``: this browser already answered about the organisation this year
    (the view keeps that in the session; no account and no personal data are asked)."""
    nonce = _check_token(token)
    names = [name for name, _label in CRITERIA]
    if set(answer.scores) != set(names) or any(
        not isinstance(answer.scores[n], int) or not SCORE_MIN <= answer.scores[n] <= SCORE_MAX for n in names
    ):
        raise feedback_error(FeedbackErrorCode.SCORE_OUT_OF_RANGE)
    if SurveyResponse.objects.filter(submission_token=nonce).exists():
        raise feedback_error(FeedbackErrorCode.FORM_ALREADY_SENT)
    if answered_before:
        raise feedback_error(FeedbackErrorCode.ALREADY_ANSWERED)
    try:
        with transaction.atomic():
            response = SurveyResponse.objects.create(
                organization=organization,
                year=timezone.localdate().year,
                submission_token=nonce,
                comment=normalize(answer.comment)[:COMMENT_LIMIT],
                **answer.scores,
            )
            audit_record(
                actor=None, action="feedback.survey_answered", target=response, organization_id=organization.pk
            )
            return response
    except IntegrityError:  # the same form sent twice at once
        raise feedback_error(FeedbackErrorCode.FORM_ALREADY_SENT) from None
