"""Boundary helpers shared by views and API operations: who may enter the officer workspace."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django_otp import user_has_device
from ninja.errors import HttpError
from ninja.security import SessionAuth

from danvan.accounts.models import User
from danvan.accounts.selectors import user_is_officer


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


def officer_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Logged in, with an active membership, and past two-factor authentication where required."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        assert isinstance(user, User)
        if not user_is_officer(user=user):
            raise PermissionDenied
        if two_factor_needed(user):
            return two_factor_redirect(request)
        return view(request, *args, **kwargs)

    return wrapper


class UserAuth(SessionAuth):
    """Session authentication for the API; officers must have passed two-factor authentication.

    The CSRF check guards a logged-in session only: a request that carries no logged-in session has no
    credentials to forge and answers 401, not ninja's CSRF 403 (which it checked first, for everyone)."""

    def __call__(self, request: HttpRequest) -> Any:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        try:
            return super().__call__(request)
        except HttpError:
            raise PermissionDenied(_("The security check (CSRF) failed: reload the page and try again.")) from None

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user is None or two_factor_needed(user):
            return None
        return user


user_auth = UserAuth()
