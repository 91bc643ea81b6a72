"""The door of the officer workspace, for every app: the mechanism here, the policy in ``accounts``.

Who counts as an officer and when a second factor is owed are questions about memberships, which
``danvan.accounts`` owns. Apps below ``accounts`` (``geography``) guard their workspace views with the
same decorator, so the decorator lives here and asks a :class:`WorkspacePolicy` that ``accounts``
registers in its ``AppConfig.ready()``. ``core`` itself imports no other DânVận app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import SessionAuth


@dataclass(frozen=True)
class WorkspacePolicy:
    gate: Callable[[HttpRequest], HttpResponse | None]
    """``None`` lets the request in; a response (log in, second factor) is answered instead of the view;
    ``PermissionDenied`` gives the 403 page."""
    api_user_allowed: Callable[[Any], bool]
    """False for a user who logged in but may not use the API yet (a second factor is owed)."""


_policy: WorkspacePolicy | None = None


def register_workspace_policy(policy: WorkspacePolicy) -> None:
    global _policy  # one policy per process, registered once at start-up
    _policy = policy


def workspace_policy() -> WorkspacePolicy:
    if _policy is None:
        raise ImproperlyConfigured("No workspace policy is registered: danvan.accounts must be installed.")
    return _policy


def officer_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Logged in, with an active membership, and past two-factor authentication where required."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        refused = workspace_policy().gate(request)
        if refused is not None:
            return refused
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
        if user is None or not workspace_policy().api_user_allowed(user):
            return None
        return user


user_auth = UserAuth()
