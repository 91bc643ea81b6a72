"""Reporting periods are computed from the seeded rules (TT 01/2024/TT-TTCP), never typed."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from danvan.reports.models import ReportPeriodRule
from danvan.reports.periods import parse_period, period_choices, quarter_containing

D = dt.date


@pytest.mark.parametrize(
    ("code", "start", "end"),
    [
        ("2026-q1", D(2025, 12, 15), D(2026, 3, 14)),
        ("2026-q2", D(2026, 3, 15), D(2026, 6, 14)),
        ("2026-q3", D(2026, 6, 15), D(2026, 9, 14)),
        ("2026-q4", D(2026, 9, 15), D(2026, 12, 14)),
        ("2026-h1", D(2025, 12, 15), D(2026, 6, 14)),
        ("2026-m9", D(2025, 12, 15), D(2026, 9, 14)),
        ("2026-year", D(2025, 12, 15), D(2026, 12, 14)),
        ("2024-q1", D(2023, 12, 15), D(2024, 3, 14)),  # leap year: February has 29 days, nothing changes
    ],
)
def test_cut_off_dates(db, code, start, end):
    period = parse_period(code)
    assert (period.start, period.end) == (start, end)
    assert "01/2024/TT-TTCP" in period.citation


def test_every_rule_carries_the_citation(db):
    rules = ReportPeriodRule.objects.all()
    assert {r.code for r in rules} == {"q1", "q2", "q3", "q4", "h1", "m9", "year"}
    assert all("Thông tư 01/2024/TT-TTCP" in r.citation for r in rules)
    assert {r.code for r in rules if r.statistical_only} == {"q2", "q3", "q4"}


def test_quarters_tile_the_year_without_gap_or_overlap(db):
    year = [parse_period(f"2026-q{n}") for n in range(1, 5)]
    for before, after in itertools.pairwise(year):
        assert after.start == before.end + dt.timedelta(days=1)
    assert year[0].start == parse_period("2025-q4").end + dt.timedelta(days=1)
    assert (year[0].start, year[-1].end) == (parse_period("2026-year").start, parse_period("2026-year").end)


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (D(2026, 3, 14), "2026-q1"),
        (D(2026, 3, 15), "2026-q2"),
        (D(2026, 12, 14), "2026-q4"),
        (D(2026, 12, 15), "2027-q1"),  # the 15th of December opens next year's first quarter
        (D(2027, 1, 1), "2027-q1"),
    ],
)
def test_quarter_containing_straddles_the_cut_off(db, day, code):
    assert quarter_containing(day).code == code


def test_report_months_run_from_the_15th_to_the_14th(db):
    months = parse_period("2026-q1").months()
    assert months == [
        (D(2025, 12, 15), D(2026, 1, 14)),
        (D(2026, 1, 15), D(2026, 2, 14)),
        (D(2026, 2, 15), D(2026, 3, 14)),
    ]
    custom = parse_period("2026-01-01_2026-01-31").months()
    assert custom == [(D(2026, 1, 1), D(2026, 1, 14)), (D(2026, 1, 15), D(2026, 1, 31))]


@pytest.mark.parametrize(
    "bad", ["", "2026", "2026-q5", "1999-q1", "2026-03-31_2026-01-01", "2026-02-30_2026-03-01", "2020-01-01_2026-01-01"]
)
def test_bad_periods_are_refused_with_a_message(db, bad):
    with pytest.raises(ValueError, match=r".+"):
        parse_period(bad)


def test_choices_stop_at_today(db):
    choices = period_choices(today=D(2026, 11, 25))
    codes = [p.code for p in choices]
    assert "2026-q4" in codes
    assert "2027-q1" not in codes
    assert all(p.start <= D(2026, 11, 25) for p in choices)
