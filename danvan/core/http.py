from __future__ import annotations

from typing import overload

from django.core.exceptions import BadRequest
from django.http import HttpRequest


def is_htmx(request: HttpRequest) -> bool:
    """True for a request made by htmx (django-htmx sets ``request.htmx``)."""
    return bool(getattr(request, "htmx", False))


# The years a report or a register may be asked for (a year outside would only fail in date()).
MIN_YEAR, MAX_YEAR = 1900, 2100
# The largest value a database integer column (bigint) holds: a larger id cannot name any row.
MAX_DB_INT = 2**63 - 1


@overload
def query_int(request: HttpRequest, name: str, default: int, *, low: int, high: int) -> int: ...
@overload
def query_int(request: HttpRequest, name: str, default: None, *, low: int, high: int) -> int | None: ...
def query_int(request: HttpRequest, name: str, default: int | None, *, low: int, high: int) -> int | None:
    """The whole number in the query string's ``name`` (``default`` when absent or empty); a value
    that is not a number or lies outside ``low``..``high`` answers 400 (``BadRequest``), never a
    database or ``date()`` error further on."""
    raw = request.GET.get(name, "").strip()
    if not raw:
        return default
    if not raw.isascii() or not raw.lstrip("-").isdigit() or len(raw) > 20 or not low <= int(raw) <= high:
        raise BadRequest(f"{name}: not a whole number from {low} to {high}")
    return int(raw)
