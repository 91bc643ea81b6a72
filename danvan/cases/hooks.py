"""What an app above ``cases`` lends it, registered in that app's ``AppConfig.ready()``.

``cases`` calls these without importing the higher app (the layers in ``.importlinter``): ``search`` lends the
look-up of another organisation's petition that its duplicate detector put in front of the officer.
"""

from __future__ import annotations

from collections.abc import Callable

from danvan.accounts.models import User
from danvan.cases.models import Petition

CandidateLookup = Callable[..., Petition | None]

_candidate_lookup: CandidateLookup | None = None


def register_candidate_lookup(lookup: CandidateLookup) -> None:
    global _candidate_lookup
    _candidate_lookup = lookup


def candidate_by_code(*, user: User, petition: Petition, code: str) -> Petition | None:
    """The petition with ``code`` if the duplicate detector lists it for ``petition`` (None without a detector)."""
    if _candidate_lookup is None:
        return None
    return _candidate_lookup(user=user, petition=petition, code=code)
