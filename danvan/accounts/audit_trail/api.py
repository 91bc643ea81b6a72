from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Router, Schema

from danvan.accounts.access import user_auth
from danvan.accounts.models import User
from danvan.accounts.selectors import audit_event_list_for_user
from danvan.accounts.tokens import token_auth
from danvan.core.api import AUTH_ERRORS

router = Router(tags=["audit"], auth=[token_auth, user_auth])


class AuditEventOut(Schema):
    seq: int
    created_at: dt.datetime
    actor_label: str
    action: str
    target_type: str
    target_id: str
    organization_id: int | None
    ip: str | None


# The operation id it had when this module was danvan/audit/api.py: generated clients keep working.
@router.get(
    "/events",
    response={200: list[AuditEventOut], **AUTH_ERRORS},
    summary="Latest audit events the user may read",
    operation_id="danvan_audit_api_events",
)
def events(request: HttpRequest, limit: int = 100) -> list[AuditEventOut]:
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    if not user.has_perm("audit.view_events"):
        raise PermissionDenied
    found = audit_event_list_for_user(user=user)[: max(1, min(limit, 500))]
    return [AuditEventOut.from_orm(e) for e in found]
