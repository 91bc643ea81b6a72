from __future__ import annotations

from enum import StrEnum

from django.utils.translation import gettext as _

from danvan.core.errors import DomainError


class LawErrorCode(StrEnum):
    NOT_IN_FORCE = "law.not_in_force"


class RuleNotInForce(DomainError, LookupError):
    """No version of a legal figure or list is in force on the day asked: the rules must be seeded."""


def not_in_force(code: str, day: object) -> RuleNotInForce:
    message = _("No legal rule %(code)s is in force on %(day)s: the legal basis must be entered.") % {
        "code": code,
        "day": day,
    }
    return RuleNotInForce(LawErrorCode.NOT_IN_FORCE, message, status=500)
