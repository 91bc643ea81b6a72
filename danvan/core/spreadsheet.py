"""Spreadsheet exports that cannot run what a citizen typed (CSV/formula injection, OWASP).

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a formula by
Excel, LibreOffice and Google Sheets (``=HYPERLINK(…)``, ``@SUM(…)``, ``+cmd|…``). Every XLSX and CSV export
writes its rows through these helpers:

- XLSX: such a cell is stored as a text cell, so its value is kept exactly and never evaluated;
- CSV: such a cell is prefixed with an apostrophe, the convention spreadsheets read as "text follows".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value: Any) -> Any:
    """The value to write in a CSV cell: text that a spreadsheet would run gets a leading apostrophe."""
    return f"'{value}" if looks_like_formula(value) else value


def xlsx_append(sheet: Worksheet, values: Iterable[Any]) -> None:
    """Append a row; text that looks like a formula is stored as text (openpyxl would write "=…" as a formula)."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if looks_like_formula(cell.value):
            cell.data_type = "s"
