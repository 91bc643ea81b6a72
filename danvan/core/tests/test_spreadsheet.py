"""Exports never turn what a citizen typed into a formula (CSV/formula injection)."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook

from danvan.core.spreadsheet import csv_cell, looks_like_formula, xlsx_append

RISKY = ["=1+1", '=HYPERLINK("http://x","y")', "+84 912 345 678", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
HARMLESS = ["Nguyễn Văn An", "0912 345 678", "a=b", "", "Tổ 5 - phường Tân Phong"]


@pytest.mark.parametrize("value", RISKY)
def test_risky_text_is_quoted_in_csv(value):
    assert looks_like_formula(value)
    assert csv_cell(value) == "'" + value


@pytest.mark.parametrize("value", [*HARMLESS, 5, -5, 2.5, None])
def test_harmless_values_are_unchanged(value):
    assert not looks_like_formula(value)
    assert csv_cell(value) == value


def test_xlsx_rows_keep_risky_text_as_text_and_numbers_as_numbers():
    book = Workbook()
    sheet = book.active
    xlsx_append(sheet, [*RISKY, *HARMLESS, 7, -7])
    buffer = io.BytesIO()
    book.save(buffer)
    row = next(load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows())
    by_value = {cell.value: cell for cell in row}
    for value in RISKY:
        assert by_value[value].data_type == "s", value
    assert by_value[7].data_type == "n"
    assert by_value[-7].data_type == "n"
