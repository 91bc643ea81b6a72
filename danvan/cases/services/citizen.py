"""What a citizen does with the tracking code and secret: rate the handling, or say it is not resolved."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.cases import deadlines
from danvan.cases.errors import CaseErrorCode, case_error
from danvan.cases.models import Petition, Status
from danvan.cases.services.common import record, set_status, today
from danvan.core.text import normalize
from danvan.law.selectors import figure

REOPEN_WINDOW = "petition.reopen_window"  # the law app's figure, in days after closing


def may_reopen(*, petition: Petition, on: dt.date) -> bool:
    """Whether ``on`` still falls within the reopen window (the figure in force on the day the case closed)."""
    if petition.closed_on is None:
        return False
    return (on - petition.closed_on).days <= figure(REOPEN_WINDOW, on=petition.closed_on)


@transaction.atomic
def petition_rate(*, petition: Petition, rating: int, comment: str = "") -> Petition:
    petition = Petition.objects.select_for_update().get(pk=petition.pk)
    if petition.status != Status.CLOSED:
        raise case_error(CaseErrorCode.TRANSITION_NOT_ALLOWED, status=409)
    if rating not in range(1, 6):
        raise case_error(CaseErrorCode.INVALID, fields={"rating": [str(_("Choose a rating from 1 to 5."))]})
    petition.rating, petition.rating_comment = rating, normalize(comment)[:2000]
    petition.save(update_fields=["rating", "rating_comment", "updated_at"])
    record(actor=None, petition=petition, action="rated", data={"rating": rating}, citizen_visible=True)
    return petition


@transaction.atomic
def petition_reopen(*, petition: Petition, reason: str, on: dt.date | None = None) -> Petition:
    """The citizen says the matter is not resolved: the case goes back to the handling organisation."""
    petition = Petition.objects.select_for_update().get(pk=petition.pk)
    when = on or today()
    if petition.status != Status.CLOSED or petition.closed_on is None:
        raise case_error(CaseErrorCode.TRANSITION_NOT_ALLOWED, status=409)
    if not may_reopen(petition=petition, on=when):
        days = figure(REOPEN_WINDOW, on=petition.closed_on)
        message = _("A closed petition can be reopened only within %(days)s days of closing.") % {"days": days}
        raise case_error(CaseErrorCode.REOPEN_TOO_LATE, status=409, message=message)
    if not normalize(reason):
        raise case_error(CaseErrorCode.INVALID, fields={"reason": [str(_("This field is required."))]})
    petition.closed_on = None
    previous = set_status(petition, Status.VERIFICATION if petition.accepted_on else Status.RECEIVED, "closed_on")
    rule = deadlines.resolve_rule(petition)
    if rule and petition.accepted_on:
        deadlines.open_step(petition=petition, step=deadlines.RESOLVE, rule_code=rule, start=when)
    record(actor=None, petition=petition, action="reopened", from_status=previous, reason=normalize(reason))
    return petition
