"""Who may enter the officer workspace: the policy behind ``danvan.core.access``.

``officer_required`` and ``user_auth`` are ``core``'s, re-exported here for the apps above ``accounts``;
``AccountsConfig.ready()`` registers :data:`WORKSPACE_POLICY` so that they ask these functions.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django_otp import user_has_device

from danvan.accounts.models import User
from danvan.accounts.selectors import user_is_officer
from danvan.core.access import UserAuth, WorkspacePolicy, officer_required, user_auth

__all__ = [
    "WORKSPACE_POLICY",
    "UserAuth",
    "officer_required",
    "two_factor_needed",
    "two_factor_redirect",
    "user_auth",
    "workspace_gate",
]


def two_factor_needed(user: User) -> bool:
    """Officers must pass TOTP when the site requires it; anyone who enrolled must always pass it."""
    if getattr(user, "is_verified", lambda: False)():
        return False
    return user_has_device(user, confirmed=True) or (
        settings.DANVAN_OFFICER_2FA_REQUIRED and user_is_officer(user=user)
    )


def two_factor_redirect(request: HttpRequest) -> HttpResponse:
    target = "accounts:otp_verify" if user_has_device(request.user, confirmed=True) else "accounts:otp_setup"
    response = redirect(target)
    response["Location"] += "?" + urlencode({"next": request.get_full_path()})
    return response


def workspace_gate(request: HttpRequest) -> HttpResponse | None:
    """Not logged in → the login page; no active membership → 403; a second factor owed → TOTP."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    assert isinstance(user, User)
    if not user_is_officer(user=user):
        raise PermissionDenied
    if two_factor_needed(user):
        return two_factor_redirect(request)
    return None


def _api_user_allowed(user: User) -> bool:
    return not two_factor_needed(user)


WORKSPACE_POLICY = WorkspacePolicy(gate=workspace_gate, api_user_allowed=_api_user_allowed)
