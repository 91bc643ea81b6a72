"""Officers' API tokens: create (the key is shown once), revoke, and authenticate a bearer key.

A token stands for its officer without a browser session, so it skips the TOTP step: give tokens to
programs, not to people, and revoke one as soon as it is no longer needed. Tokens of an officer who
loses every membership or whose account is deactivated stop working too.

Each worker process remembers a valid token for ``TOKEN_CACHE_SECONDS`` (5 s) after reading it, with
the officer and their memberships, so that a program sending many requests does not cost two queries
each. The window: a token revoked, an account deactivated or a membership ended stops working at once
in the process that saved the change (``post_save``/``post_delete`` of a token, user, membership or
organisation empty the cache), and within ``TOKEN_CACHE_SECONDS`` in every other worker. Only the
SHA-256 of a key is kept as the cache key; a refused key is never cached.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import secrets
import threading
import time
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

from danvan.accounts.models import Membership, Organization, User
from danvan.accounts.models_tokens import APIToken
from danvan.accounts.selectors import user_is_officer, user_memberships
from danvan.audit.services import audit_record
from danvan.core.errors import DomainError
from danvan.core.text import normalize

KEY_PREFIX = "dv_"
# Writing last_used_at on every request would turn each read into a write; once a minute is enough.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)
# How long a worker trusts a token it has read (see the module's docstring), and how many it remembers.
TOKEN_CACHE_SECONDS = 5.0
TOKEN_CACHE_SIZE = 256
_clock = time.monotonic  # the cache's clock (tests move it)


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


@dataclass
class _Cached:
    expires: float  # _clock()
    token_id: int
    last_used_at: dt.datetime | None
    user: User  # with its memberships loaded; each request gets its own copy


_cache: dict[str, _Cached] = {}
_cache_lock = threading.Lock()


def forget_tokens(**_kwargs: Any) -> None:
    """Empty this process's token cache (on any change to a token, user, membership or organisation)."""
    with _cache_lock:
        _cache.clear()


for _model in (APIToken, User, Membership, Organization):
    post_save.connect(forget_tokens, sender=_model, dispatch_uid=f"danvan.tokens.forget.{_model.__name__}")
    post_delete.connect(forget_tokens, sender=_model, dispatch_uid=f"danvan.tokens.forget_d.{_model.__name__}")


def _fresh_user(cached: User) -> User:
    """A copy of the cached officer for one request: per-request attributes (permission caches, the OTP
    device, ``backend``) never reach another request; the memberships list is shared, read-only."""
    user = copy.copy(cached)
    for name in ("_perm_cache", "_user_perm_cache", "_group_perm_cache", "otp_device", "backend"):
        user.__dict__.pop(name, None)
    user._danvan_memberships = list(user_memberships(user=cached))  # type: ignore[attr-defined]
    return user


def _touch(entry: _Cached) -> None:
    now = timezone.now()
    if entry.last_used_at is None or now - entry.last_used_at >= LAST_USED_RESOLUTION:
        APIToken.objects.filter(pk=entry.token_id).update(last_used_at=now)
        entry.last_used_at = now


def api_token_user(*, key: str) -> User | None:
    """The officer an active token belongs to, or ``None``. Cached per process (see the docstring)."""
    if not key.startswith(KEY_PREFIX) or len(key) > 200:
        return None
    digest = hash_key(key)
    entry = _cache.get(digest)
    if entry is not None and entry.expires > _clock():
        _touch(entry)
        return _fresh_user(entry.user)
    token = APIToken.objects.select_related("user").filter(key_hash=digest, revoked_at__isnull=True).first()
    if token is None or not token.user.is_active or not user_is_officer(user=token.user):
        with _cache_lock:
            _cache.pop(digest, None)
        return None
    entry = _Cached(_clock() + TOKEN_CACHE_SECONDS, token.pk, token.last_used_at, token.user)
    _touch(entry)
    with _cache_lock:
        if len(_cache) >= TOKEN_CACHE_SIZE:
            now = _clock()
            for stale in [k for k, v in _cache.items() if v.expires <= now] or list(_cache)[: TOKEN_CACHE_SIZE // 4]:
                _cache.pop(stale, None)
        _cache[digest] = entry
    return _fresh_user(entry.user)


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <key>``. A request that sends a bearer key which is not valid gets 401,
    never a fall-back to the session (a program should learn at once that its key stopped working)."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = api_token_user(key=token.strip())
        if user is None:
            raise AuthenticationError
        return user


token_auth = TokenAuth()
