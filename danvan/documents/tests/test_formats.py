import calendar
import datetime

import pytest

from danvan.documents.docx_builder import vietnamese_date_line
from danvan.documents.formats import format_document_number, parse_date_line, vietnamese_date

MONTHS = {1: "01", 2: "02", 3: "3", 4: "4", 5: "5", 6: "6", 7: "7", 8: "8", 9: "9", 10: "10", 11: "11", 12: "12"}


@pytest.mark.parametrize(("month", "written"), MONTHS.items())
def test_date_line_of_every_month(month, written):
    assert vietnamese_date_line("Lai Châu", datetime.date(2026, month, 5)) == (
        f"Lai Châu, ngày 05 tháng {written} năm 2026"
    )
    assert vietnamese_date_line("Lai Châu", datetime.date(2026, month, 25)) == (
        f"Lai Châu, ngày 25 tháng {written} năm 2026"
    )


def test_days_below_10_take_a_leading_zero_and_others_do_not():
    days = [vietnamese_date(datetime.date(2026, 3, day)).split()[1] for day in range(1, 32)]
    assert days == [f"{day:02d}" for day in range(1, 32)]
    assert days[:9] == ["01", "02", "03", "04", "05", "06", "07", "08", "09"]


def test_examples_of_the_decree():
    assert vietnamese_date_line("Hà Nội", datetime.date(2020, 1, 5)) == "Hà Nội, ngày 05 tháng 01 năm 2020"
    assert vietnamese_date(datetime.date(2026, 2, 28)) == "ngày 28 tháng 02 năm 2026"
    assert vietnamese_date(datetime.date(2026, 11, 9)) == "ngày 09 tháng 11 năm 2026"


def test_every_day_of_a_leap_year_reads_back():
    for month in range(1, 13):
        for day in range(1, calendar.monthrange(2028, month)[1] + 1):
            date = datetime.date(2028, month, day)
            assert parse_date_line(vietnamese_date_line("Tân Phong", date)) == date


@pytest.mark.parametrize(
    "line",
    [
        "Lai Châu, ngày 5 tháng 01 năm 2026",
        "Lai Châu, ngày 05 tháng 1 năm 2026",
        "Lai Châu, ngày 05 tháng 03 năm 2026",
        "Lai Châu, ngày 30 tháng 02 năm 2026",
        "Lai Châu ngày 05 tháng 01 năm 2026",
        "Lai Châu, ngày 05/01/2026",
    ],
)
def test_malformed_date_lines_are_recognised(line):
    assert parse_date_line(line) is None


@pytest.mark.parametrize("place", ["", "  ", "Tân Phong, Lai Châu"])
def test_the_place_is_one_name(place):
    with pytest.raises(ValueError, match="place"):
        vietnamese_date_line(place, datetime.date(2026, 1, 5))


def test_document_numbers():
    assert format_document_number(5, "TB-UBND") == "05/TB-UBND"
    assert format_document_number(12, "UBND-TCD") == "12/UBND-TCD"
    assert format_document_number(1234, "QĐ-UBND") == "1234/QĐ-UBND"
    with pytest.raises(ValueError, match="start at 1"):
        format_document_number(0, "TB-UBND")
