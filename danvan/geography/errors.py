from __future__ import annotations

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from danvan.core.errors import DomainError


class GeographyErrorCode(StrEnum):
    BASIS_REQUIRED = "remote_basis_required"


_MESSAGES = {
    GeographyErrorCode.BASIS_REQUIRED: _(
        "Give the legal basis (decision number) that classifies this unit as a remote or especially difficult area."
    ),
}


def geography_error(code: GeographyErrorCode) -> DomainError:
    return DomainError(code, _MESSAGES[code])
