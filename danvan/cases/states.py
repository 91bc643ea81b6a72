"""From which statuses each workflow action may be taken: the one table that the services check
(``require_allowed``) and that the action declarations (danvan/cases/actions.py) show and test against."""

from __future__ import annotations

from danvan.cases.models import Petition, Status
from danvan.cases.models.choices import OPEN_STATUSES
from danvan.cases.services.common import require_status

INTAKE = frozenset({Status.RECEIVED, Status.CLASSIFIED})
RESOLVING = frozenset({Status.ACCEPTED, Status.VERIFICATION, Status.DIALOGUE})

ALLOWED_FROM: dict[str, frozenset[str]] = {
    "classify": INTAKE,
    "accept": frozenset({Status.CLASSIFIED}),
    "forward": INTAKE,
    "acknowledge": frozenset({Status.FORWARDED}),
    "guide": INTAKE,
    "archive": INTAKE,
    "inspection_lead": INTAKE,
    "start_verification": frozenset({Status.ACCEPTED, Status.VERIFICATION}),
    "assign": OPEN_STATUSES,
    "dialogue": frozenset({Status.VERIFICATION, Status.DIALOGUE}),
    "extend": RESOLVING,
    "suspend": RESOLVING,
    "resume": frozenset({Status.SUSPENDED}),
    "withdraw": OPEN_STATUSES,
    "conclude": RESOLVING,
    "close": frozenset({Status.CONCLUDED}),
    "duplicate": OPEN_STATUSES | {Status.FORWARDED},
    "link": frozenset(Status.values),
    "split": INTAKE,
}


def require_allowed(petition: Petition, action: str) -> None:
    """409 ``transition_not_allowed`` unless ``action`` may be taken from the petition's status."""
    require_status(petition, *ALLOWED_FROM[action])
