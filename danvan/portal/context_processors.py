from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from danvan.accounts.selectors import user_is_officer
from danvan.portal.navigation import WORKSPACE_NAV


def site(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {
        "SITE_NAME": settings.DANVAN_SITE_NAME,
        "is_officer": bool(user is not None and user.is_authenticated and user_is_officer(user=user)),
        "workspace_nav": WORKSPACE_NAV,
    }
