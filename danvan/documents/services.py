from __future__ import annotations

from django.db import transaction

from danvan.accounts.models import Organization
from danvan.documents.errors import DocumentErrorCode, document_error
from danvan.documents.formats import SYMBOL_MAX_LENGTH, SYMBOL_RE, format_document_number
from danvan.documents.models import DocumentNumberCounter

MIN_YEAR, MAX_YEAR = 2000, 2999


@transaction.atomic
def document_number_next(*, organization: Organization, year: int, symbol: str) -> str:
    """Hand out the next number of ``symbol`` for ``organization`` in ``year``, e.g. ``"12/TB-UBND"``;
    numbers below 10 get a leading zero (``"05/TB-UBND"``, Decree 30/2020, Appendix I).

    Call it inside the transaction that issues the document: the counter row stays locked until that
    transaction ends, and a rolled-back transaction gives its number back, so numbers have no gaps and no
    duplicates (PostgreSQL: ``SELECT … FOR UPDATE``; SQLite: the IMMEDIATE transaction's write lock). The
    issuing service writes the audit row that names the number.
    """
    if len(symbol) > SYMBOL_MAX_LENGTH or not SYMBOL_RE.fullmatch(symbol):
        raise document_error(DocumentErrorCode.INVALID_SYMBOL)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise document_error(DocumentErrorCode.INVALID_YEAR)
    counters = DocumentNumberCounter.objects.select_for_update()
    key = {"organization": organization, "year": year, "symbol": symbol}
    counter = counters.filter(**key).first()
    if counter is None:
        # First number of the year: two transactions may race to create the row. ON CONFLICT DO NOTHING
        # makes the loser wait for the winner and then lock the winner's row.
        DocumentNumberCounter.objects.bulk_create([DocumentNumberCounter(**key)], ignore_conflicts=True)
        counter = counters.get(**key)
    counter.last_number += 1
    counter.save(update_fields=["last_number", "updated_at"])
    return format_document_number(counter.last_number, symbol)
