"""Officers' API tokens: create (the key is shown once), revoke, and authenticate a bearer key.

A token stands for its officer without a browser session, so it skips the TOTP step: give tokens to
programs, not to people, and revoke one as soon as it is no longer needed. Tokens of an officer who
loses every membership or whose account is deactivated stop working at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

from danvan.accounts.models import User
from danvan.accounts.models_tokens import APIToken
from danvan.accounts.selectors import user_is_officer
from danvan.audit.services import audit_record
from danvan.core.errors import DomainError
from danvan.core.text import normalize

KEY_PREFIX = "dv_"
# Writing last_used_at on every request would turn each read into a write; once a minute is enough.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


class TokenErrorCode(StrEnum):
    NOT_AN_OFFICER = "not_an_officer"
    NAME_REQUIRED = "token_name_required"


_MESSAGES = {
    TokenErrorCode.NOT_AN_OFFICER: _("Only an active officer can hold an API token."),
    TokenErrorCode.NAME_REQUIRED: _("Give the token a name that says where it is used."),
}


def token_error(code: TokenErrorCode) -> DomainError:
    return DomainError(code, _MESSAGES[code], status=400)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class IssuedToken:
    token: APIToken
    key: str  # shown once; only its hash is stored


@transaction.atomic
def api_token_create(*, actor: User | None, user: User, name: str) -> IssuedToken:
    name = normalize(name)[:100]
    if not name:
        raise token_error(TokenErrorCode.NAME_REQUIRED)
    if not user.is_active or not user_is_officer(user=user):
        raise token_error(TokenErrorCode.NOT_AN_OFFICER)
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = APIToken.objects.create(user=user, name=name, key_hash=hash_key(key), prefix=key[:8])
    audit_record(
        actor=actor,
        action="accounts.api_token_created",
        target=token,
        data={"user": user.get_username(), "name": name, "prefix": token.prefix},
    )
    return IssuedToken(token, key)


@transaction.atomic
def api_token_revoke(*, actor: User | None, token: APIToken) -> APIToken:
    """Revoke at once. Revoking an already revoked token changes nothing."""
    token = APIToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        return token
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_record(
        actor=actor,
        action="accounts.api_token_revoked",
        target=token,
        data={"user": token.user.get_username(), "name": token.name, "prefix": token.prefix},
    )
    return token


def api_token_user(*, key: str) -> User | None:
    """The officer an active token belongs to, or ``None``."""
    if not key.startswith(KEY_PREFIX) or len(key) > 200:
        return None
    token = APIToken.objects.select_related("user").filter(key_hash=hash_key(key), revoked_at__isnull=True).first()
    if token is None or not token.user.is_active or not user_is_officer(user=token.user):
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        APIToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <key>``. A request that sends a bearer key which is not valid gets 401,
    never a fall-back to the session (a program should learn at once that its key stopped working)."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = api_token_user(key=token.strip())
        if user is None:
            raise AuthenticationError
        return user


token_auth = TokenAuth()
