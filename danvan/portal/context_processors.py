from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from danvan.accounts.selectors import user_is_officer
from danvan.calendar.selectors_deadlines import DeadlineCounts, my_deadline_counts
from danvan.portal.navigation import WORKSPACE_NAV


def _deadline_counts(request: HttpRequest) -> DeadlineCounts:
    """One query, the first time a page of the request shows the navigation."""
    cached = getattr(request, "_danvan_deadline_counts", None)
    if cached is None:
        cached = my_deadline_counts(user=request.user, today=timezone.localdate())  # type: ignore[arg-type]
        request._danvan_deadline_counts = cached  # type: ignore[attr-defined]
    return cached


def site(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    is_officer = bool(user is not None and user.is_authenticated and user_is_officer(user=user))
    return {
        "SITE_NAME": settings.DANVAN_SITE_NAME,
        "is_officer": is_officer,
        "workspace_nav": WORKSPACE_NAV,
        "deadline_counts": SimpleLazyObject(lambda: _deadline_counts(request)) if is_officer else None,
    }
