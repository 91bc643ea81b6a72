from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from danvan.accounts.models import User
from danvan.audit.services import audit_record
from danvan.cases.confirmations import PETITION_CHANGED
from danvan.cases.errors import CaseErrorCode, case_error
from danvan.cases.models import ENDED_WITHOUT_RESOLUTION, CaseEvent, Petition, Status
from danvan.outbox.services import outbox_write


def today() -> dt.date:
    return timezone.localdate()


def require_status(petition: Petition, *allowed: str) -> None:
    if petition.status not in allowed:
        raise case_error(CaseErrorCode.TRANSITION_NOT_ALLOWED, status=409)


def record(
    *,
    actor: User | None,
    petition: Petition,
    action: str,
    from_status: str = "",
    reason: str = "",
    data: dict[str, Any] | None = None,
    citizen_visible: bool = True,
) -> CaseEvent:
    """Append a timeline event and the audit row, in the caller's transaction.

    ``data`` must never carry a denouncer's identity: timelines and the audit trail are read by people
    who may not see it.
    """
    event = CaseEvent.objects.create(
        petition=petition,
        action=action,
        from_status=from_status,
        to_status=petition.status,
        actor=actor,
        organization=petition.handling_organization,
        reason=reason,
        data=data or {},
        citizen_visible=citizen_visible,
    )
    audit_record(
        actor=actor,
        action=f"petition.{action}",
        target=petition,
        organization_id=petition.handling_organization_id,
        data={"from": from_status, "to": petition.status, **(data or {})},
    )
    schedule_index(petition)
    return event


def schedule_index(petition: Petition) -> None:
    """Refresh the petition's search and duplicate index: an outbox message in the caller's transaction,
    handled by the search app after the commit."""
    outbox_write(kind=PETITION_CHANGED, target=petition.pk)


def set_status(petition: Petition, status: Status, *extra_fields: str) -> str:
    """Change the status and save it with ``extra_fields``: every status change goes through here.

    Keeps ``ended_on``: today when the petition ends without a resolution, empty when it is in any other
    status (so a report's past periods do not move when the row is touched later)."""
    previous = petition.status
    petition.status = status
    petition.ended_on = today() if status in ENDED_WITHOUT_RESOLUTION else None
    petition.save(update_fields=["status", "ended_on", "updated_at", *extra_fields])
    return previous
