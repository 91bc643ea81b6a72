"""Two-factor enrolment codes: issued by an administrator, redeemed once by the officer before enrolling."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from danvan.accounts.errors import AccountErrorCode, account_error
from danvan.accounts.models import Membership, OTPEnrolmentCode, User
from danvan.audit.services import audit_record

# Codes are read aloud or typed from a slip: no 0/O or 1/I/L.
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10


def _hash(code: str) -> str:
    return hashlib.sha256(code.replace("-", "").replace(" ", "").upper().encode("ascii", "ignore")).hexdigest()


def _format(raw: str) -> str:
    return f"{raw[:5]}-{raw[5:]}"


@transaction.atomic
def enrolment_code_issue(*, actor: User | None, user: User) -> str:
    """A new code for ``user`` (earlier unused codes stop working). Returns the code, shown once.

    ``actor`` None is the platform (``otp_enrolment_code`` command, ``officer_add``)."""
    if actor is not None and actor.pk == user.pk:
        raise account_error(AccountErrorCode.SELF_GRANT, status=403)
    now = timezone.now()
    OTPEnrolmentCode.objects.filter(user=user, used_at__isnull=True, expires_at__gt=now).update(expires_at=now)
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(CODE_LENGTH))
    hours = settings.DANVAN_OTP_ENROLMENT_HOURS
    code = OTPEnrolmentCode.objects.create(
        user=user, code_hash=_hash(raw), issued_by=actor, expires_at=now + dt.timedelta(hours=hours)
    )
    first_org = Membership.objects.filter(user=user, is_active=True).values_list("organization_id", flat=True).first()
    audit_record(
        actor=actor,
        action="accounts.otp_enrolment_code_issued",
        target=code,
        organization_id=first_org,
        data={"user": user.pk, "hours": hours},
    )
    return _format(raw)


def enrolment_code_redeem(*, user: User, code: str) -> None:
    """Spend ``code``; raise a DomainError (nothing spent) when it is wrong, expired or used up.

    A wrong code counts against every live code of the officer, and that count is kept (committed) before the
    error is raised: call this outside any enclosing transaction."""
    with transaction.atomic():
        now = timezone.now()
        live = list(
            OTPEnrolmentCode.objects.select_for_update().filter(user=user, used_at__isnull=True, expires_at__gt=now)
        )
        given = _hash(code)
        match = next((row for row in live if hmac.compare_digest(row.code_hash, given)), None)
        if match is not None:
            match.used_at = now
            match.save(update_fields=["used_at"])
            audit_record(actor=user, action="accounts.otp_enrolment_code_used", target=match, data={})
            return
        limit = settings.DANVAN_OTP_ENROLMENT_MAX_TRIES
        for row in live:
            row.failed_attempts += 1
            if row.failed_attempts >= limit:
                row.expires_at = now  # too many wrong tries: the administrator must issue a new code
            row.save(update_fields=["failed_attempts", "expires_at"])
    raise account_error(AccountErrorCode.BAD_ENROLMENT_CODE)
