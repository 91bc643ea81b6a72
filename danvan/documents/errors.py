from __future__ import annotations

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from danvan.core.errors import DomainError


class DocumentErrorCode(StrEnum):
    INVALID_SYMBOL = "invalid_document_symbol"
    INVALID_YEAR = "invalid_document_year"


_MESSAGES = {
    DocumentErrorCode.INVALID_SYMBOL: _(
        "The document symbol is not valid: use groups of capital letters joined by hyphens, such as TB-UBND."
    ),
    DocumentErrorCode.INVALID_YEAR: _("The document year is not valid."),
}


def document_error(code: DocumentErrorCode, *, status: int = 400) -> DomainError:
    return DomainError(code, _MESSAGES[code], status=status)
