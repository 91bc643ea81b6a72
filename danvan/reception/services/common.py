from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from django.utils import timezone

from danvan.accounts.models import Organization, Role, User
from danvan.audit.services import audit_record
from danvan.reception.errors import ReceptionErrorCode, field_error
from danvan.reception.rules import PROCESSING_ROLES


def today() -> dt.date:
    return timezone.localdate()


def audit(*, actor: User | None, action: str, target: models.Model, organization_id: int | None, **data: Any) -> None:
    """The audit row of a reception write. ``data`` never carries a citizen's identity or petition content."""
    audit_record(actor=actor, action=f"reception.{action}", target=target, organization_id=organization_id, data=data)


def is_member(user: User, organization: Organization, roles: set[str] | None = None) -> bool:
    return user.memberships.filter(
        organization=organization, is_active=True, role__in=list(roles or PROCESSING_ROLES)
    ).exists()


def require_head(user: User, organization: Organization, field: str = "head") -> None:
    if not is_member(user, organization, {Role.UNIT_HEAD}):
        raise field_error(ReceptionErrorCode.NOT_A_HEAD, field)


def require_member(user: User, organization: Organization, field: str) -> None:
    if not is_member(user, organization):
        raise field_error(ReceptionErrorCode.NOT_A_MEMBER, field)
