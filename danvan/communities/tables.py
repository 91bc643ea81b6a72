"""Household registers as spreadsheets: read an uploaded XLSX or CSV into rows, check every row, and write
the register to XLSX with any cell that a spreadsheet would run as a formula written as text.

Reading never saves anything; ``danvan.communities.services.household_import`` decides what is saved.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from danvan.communities import fields as f
from danvan.communities.errors import CommunityErrorCode, community_error
from danvan.core.text import fold

MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_IMPORT_ROWS = 5000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    key: str
    label: str | Promise
    required: bool
    clean: Callable[[object], Any]


def _joined_on(value: object) -> dt.date:
    return f.clean_date(value, default=timezone.localdate())


COLUMNS = [
    Column("code", _("Household code"), True, f.clean_code),
    Column("representative_name", _("Household representative"), True, f.clean_name),
    Column("representative_personal_id", _("Personal ID number"), False, f.clean_personal_id),
    Column("representative_birth_year", _("Year of birth"), False, f.clean_birth_year),
    Column("members", _("Number of members"), True, f.clean_members),
    Column("address", _("Address"), False, f.clean_address),
    Column("phone", _("Phone number"), False, f.clean_phone),
    Column("joined_on", _("Joined on"), False, _joined_on),
]


@dataclass(frozen=True)
class RowError:
    row: int  # as the spreadsheet numbers it: the header is row 1
    column: str
    message: str


@dataclass
class CheckedTable:
    rows: list[tuple[int, f.HouseholdData]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    total: int = 0

    @property
    def bad_rows(self) -> set[int]:
        return {e.row for e in self.errors}

    def valid_rows(self) -> list[tuple[int, f.HouseholdData]]:
        bad = self.bad_rows
        return [(n, data) for n, data in self.rows if n not in bad]


def _header_names() -> dict[str, str]:
    """Folded header text → column key: the Vietnamese and English labels and the key itself."""
    names = {}
    for column in COLUMNS:
        names[fold(column.key)] = column.key
        for language in ("vi", "en"):
            with translation.override(language):
                names[fold(str(column.label))] = column.key
    return names


def _file_error(message: str | Promise) -> Exception:
    return community_error(CommunityErrorCode.FILE_INVALID, str(message))


def _xlsx_rows(data: bytes) -> list[list[object]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise _file_error(_("The file is not a valid Excel (.xlsx) workbook.")) from None
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for values in sheet.iter_rows(values_only=True):
            rows.append(list(values))
            if len(rows) > MAX_IMPORT_ROWS + 1:
                break
        return rows
    finally:
        workbook.close()


def _csv_rows(data: bytes) -> list[list[object]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _file_error(
            _("The CSV file is not encoded in UTF-8. Save it again as “CSV UTF-8” and upload it again.")
        ) from None
    if "\x00" in text:
        raise _file_error(_("The CSV file holds binary data; it is not a text file."))
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count) if first_line else ","
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


Rows = list[tuple[int, list[object]]]  # (the row's number in the file, counting from 1; its cells)


def read_table(*, data: bytes, filename: str) -> Rows:
    """The non-blank rows of the first sheet (XLSX) or of the CSV file, header first, with their numbers.
    File-level problems raise ``DomainError(FILE_INVALID)`` with a message that says what is wrong."""
    if len(data) > MAX_IMPORT_BYTES:
        raise _file_error(_("The file is larger than 5 MB. Split it into smaller files."))
    if not data.strip():
        raise _file_error(_("The file is empty."))
    name = filename.lower()
    if name.endswith(".xlsx"):
        raw = _xlsx_rows(data)
    elif name.endswith(".csv") or name.endswith(".txt"):
        raw = _csv_rows(data)
    else:
        raise _file_error(_("Upload an Excel (.xlsx) or CSV (.csv) file."))
    rows = [(number, row) for number, row in enumerate(raw, start=1) if not all(f.is_blank(v) for v in row)]
    if not rows:
        raise _file_error(_("The file is empty."))
    if len(rows) < 2:
        raise _file_error(_("The file has no household row under its header row."))
    if len(rows) > MAX_IMPORT_ROWS + 1:
        raise _file_error(_("The file has more than 5,000 households. Split it into smaller files."))
    return rows


def check_rows(rows: Rows, *, existing_codes: Iterable[str]) -> CheckedTable:
    """Check every row: each field, codes repeated in the file, codes already in the register."""
    names = _header_names()
    header = [fold(str(v)) if v is not None else "" for v in rows[0][1]]
    positions: dict[str, int] = {}
    for index, name in enumerate(header):
        key = names.get(name)
        if key is not None and key not in positions:
            positions[key] = index
    missing = [str(c.label) for c in COLUMNS if c.required and c.key not in positions]
    if missing:
        message = gettext("The header row lacks the column(s): %(columns)s.") % {"columns": ", ".join(missing)}
        raise _file_error(message)

    table = CheckedTable(total=len(rows) - 1)
    taken = set(existing_codes)
    first_seen: dict[str, int] = {}
    for number, values in rows[1:]:
        cleaned: dict[str, Any] = {}
        for column in COLUMNS:
            position = positions.get(column.key)
            raw = values[position] if position is not None and position < len(values) else None
            try:
                cleaned[column.key] = column.clean(raw)
            except f.FieldProblem as problem:
                table.errors.append(RowError(number, str(column.label), str(problem.message)))
        code = cleaned.get("code")
        if code is not None:
            label = str(COLUMNS[0].label)
            if code in first_seen:
                message = gettext("the code %(code)s is repeated: it is already on row %(row)d") % {
                    "code": code,
                    "row": first_seen[code],
                }
                table.errors.append(RowError(number, label, message))
            elif code in taken:
                message = gettext("the code %(code)s is already in the register of this village") % {"code": code}
                table.errors.append(RowError(number, label, message))
            first_seen.setdefault(code, number)
        if len(cleaned) == len(COLUMNS):
            table.rows.append((number, f.HouseholdData(**cleaned)))
    return table


def safe_cell(value: object) -> object:
    """A cell value a spreadsheet shows as it is: text that starts like a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_xlsx(*, title: str, rows: Iterable[Sequence[object]]) -> bytes:
    """One sheet: the column labels, then ``rows``; every text cell is stored as text, never as a formula."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "".join(ch for ch in title if ch not in "[]:*?/\\")[:31] or "Sheet1"
    sheet.append([str(c.label) for c in COLUMNS])
    for row in rows:
        sheet.append([safe_cell(v) for v in row])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
