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
    SELF_GRANT = "self_grant"
    ROLE_NOT_HELD = "role_not_held"
    HEAD_ROLE_FROM_ABOVE = "head_role_from_above"
    BAD_ENROLMENT_CODE = "bad_enrolment_code"


_MESSAGES = {
    AccountErrorCode.UNKNOWN_USER: _("No account has this user name."),
    AccountErrorCode.ALREADY_MEMBER: _("This person already holds this role in the organisation."),
    AccountErrorCode.SYSTEM_ADMIN_ONLY: _("Only a system administrator can grant the system administrator role."),
    AccountErrorCode.INVALID_TOTP: _("The code is wrong or has expired. Enter the 6 digits your app shows now."),
    AccountErrorCode.NO_DEVICE: _("Set up two-factor authentication first."),
    AccountErrorCode.SELF_GRANT: _("You cannot give a role to yourself. Ask another administrator."),
    AccountErrorCode.ROLE_NOT_HELD: _(
        "An organisation administrator can only grant a role that they hold themselves in this organisation."
    ),
    AccountErrorCode.BAD_ENROLMENT_CODE: _(
        "This enrolment code is wrong, expired or already used. Ask your administrator for a new one."
    ),
    AccountErrorCode.HEAD_ROLE_FROM_ABOVE: _(
        "The head's role is granted by the administrator of the level above or by a system administrator."
    ),
}


def account_error(code: AccountErrorCode, *, status: int = 400) -> DomainError:
    return DomainError(code, _MESSAGES[code], status=status)
