"""The report month's first day (the 15th: TT 01/2024) is the law app's figure: a new dated row changes how a
period is cut into months from its date only."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.law.models import LegalFigure
from danvan.reports.periods import CUSTOM, Period

pytestmark = pytest.mark.django_db
D = dt.date


def _period(start: dt.date, end: dt.date) -> Period:
    return Period(code="x", kind=CUSTOM, year=start.year, start=start, end=end, name="")


def test_the_report_month_runs_from_the_15th_to_the_14th():
    assert _period(D(2026, 12, 15), D(2027, 3, 14)).months() == [
        (D(2026, 12, 15), D(2027, 1, 14)),
        (D(2027, 1, 15), D(2027, 2, 14)),
        (D(2027, 2, 15), D(2027, 3, 14)),
    ]


def test_a_new_cut_off_day_applies_from_its_date_only():
    LegalFigure.objects.filter(code="report.month_start_day").update(effective_to=D(2027, 2, 1))
    LegalFigure.objects.create(
        code="report.month_start_day", value=20, unit="day_of_month", effective_from=D(2027, 2, 1), citation="Thử"
    )
    assert _period(D(2026, 12, 15), D(2027, 3, 31)).months() == [
        (D(2026, 12, 15), D(2027, 1, 14)),
        (D(2027, 1, 15), D(2027, 2, 14)),  # a month that began under the old figure ends under it
        (D(2027, 2, 15), D(2027, 2, 19)),  # from 1 Feb the months start on the 20th
        (D(2027, 2, 20), D(2027, 3, 19)),
        (D(2027, 3, 20), D(2027, 3, 31)),
    ]
