from __future__ import annotations

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from danvan.core.errors import DomainError


class AccountErrorCode(StrEnum):
    UNKNOWN_USER = "unknown_user"
    ALREADY_MEMBER = "already_member"
    SYSTEM_ADMIN_ONLY = "system_admin_only"
    INVALID_TOTP = "invalid_totp"
    NO_DEVICE = "no_totp_device"


_MESSAGES = {
    AccountErrorCode.UNKNOWN_USER: _("No account has this user name."),
    AccountErrorCode.ALREADY_MEMBER: _("This person already holds this role in the organisation."),
    AccountErrorCode.SYSTEM_ADMIN_ONLY: _("Only a system administrator can grant the system administrator role."),
    AccountErrorCode.INVALID_TOTP: _("The code is wrong or has expired. Enter the 6 digits your app shows now."),
    AccountErrorCode.NO_DEVICE: _("Set up two-factor authentication first."),
}


def account_error(code: AccountErrorCode, *, status: int = 400) -> DomainError:
    return DomainError(code, _MESSAGES[code], status=status)
