"""Text forms of Decree 30/2020/NĐ-CP (Appendix I): national title, motto, document numbers and dates."""

from __future__ import annotations

import datetime
import re

FONT = "Times New Roman"
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

# The symbol: groups joined by hyphens, no spaces: "TB-UBND", "QĐ-UBND", and for an official letter
# (công văn, no type abbreviation) "UBND-TCD". Type abbreviations may mix case ("CTr", "QyĐ", "TTr") and
# unit symbols may hold digits ("BCĐ389").
_GROUP = r"[A-ZĐ][A-Za-zĐđ0-9]*"
SYMBOL_RE = re.compile(rf"^{_GROUP}(?:-{_GROUP})+$")
NUMBER_RE = re.compile(rf"^(?P<number>\d{{2,}})/(?P<symbol>{_GROUP}(?:-{_GROUP})+)$")
SYMBOL_MAX_LENGTH = 40

# Day below 10 and months 1–2 take a leading zero; months 3–12 do not (Appendix I, section on dates).
_DATE_LINE_RE = re.compile(
    r"^(?P<place>[^,]+), ngày (?P<day>\d{2}) tháng (?P<month>0[12]|[3-9]|1[0-2]) năm (?P<year>\d{4})$"
)


def format_document_number(number: int, symbol: str) -> str:
    """``5, "TB-UBND"`` → ``"05/TB-UBND"``."""
    if number < 1:
        raise ValueError("Document numbers start at 1.")
    return f"{number:02d}/{symbol}"


def vietnamese_date(date: datetime.date) -> str:
    """``2026-01-05`` → ``"ngày 05 tháng 01 năm 2026"``; ``2026-03-15`` → ``"ngày 15 tháng 3 năm 2026"``."""
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"ngày {date.day:02d} tháng {month} năm {date.year}"


def vietnamese_date_line(place: str, date: datetime.date) -> str:
    """The place-and-date line of the header: ``"Lai Châu, ngày 05 tháng 01 năm 2026"``."""
    place = place.strip()
    if not place or "," in place:
        raise ValueError("The place name must be non-empty and hold no comma.")
    return f"{place}, {vietnamese_date(date)}"


def parse_date_line(text: str) -> datetime.date | None:
    """The date a well-formed date line names, or None when the line breaks the Decree 30 form."""
    match = _DATE_LINE_RE.fullmatch(text)
    if match is None:
        return None
    try:
        return datetime.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None
