from __future__ import annotations

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from danvan.core.errors import DomainError


class RoutingErrorCode(StrEnum):
    INVALID = "invalid"
    NOT_AT_INTAKE = "not_at_intake"
    SUGGESTION_CHANGED = "suggestion_changed"


_MESSAGES = {
    RoutingErrorCode.INVALID: _("Some fields are missing or wrong."),
    RoutingErrorCode.NOT_AT_INTAKE: _(
        "A suggestion can be accepted or corrected only before the petition is forwarded or accepted for resolution."
    ),
    RoutingErrorCode.SUGGESTION_CHANGED: _(
        "The suggestion changed since you opened it (new rules or a retrained model): review it again."
    ),
}


def routing_error(
    code: RoutingErrorCode, *, status: int = 400, fields: dict[str, list[str]] | None = None
) -> DomainError:
    return DomainError(code, _MESSAGES[code], extra={"fields": fields} if fields else None, status=status)
