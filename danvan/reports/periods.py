"""Reporting periods and their data cut-off dates, computed from :class:`~danvan.reports.models.ReportPeriodRule`
rows (TT 01/2024/TT-TTCP), never typed.

A period is addressed in URLs as ``"<year>-<rule code>"`` (``2026-q1``, ``2026-h1``, ``2026-year``) or, for a
custom period, ``"<start>_<end>"`` in ISO dates (``2026-01-01_2026-03-31``). Both ends are inclusive.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from danvan.law.selectors import figure_versions
from danvan.reports.models import ReportPeriodRule

CUSTOM = "custom"
QUARTERS = ("q1", "q2", "q3", "q4")
_RULE_CODE = re.compile(r"^(?P<year>\d{4})-(?P<code>[a-z0-9]+)$")
_CUSTOM_CODE = re.compile(r"^(?P<start>\d{4}-\d{2}-\d{2})_(?P<end>\d{4}-\d{2}-\d{2})$")
MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_CUSTOM_DAYS = 3 * 366


@dataclass(frozen=True)
class Period:
    code: str  # as in URLs: "2026-q1" or "2026-01-01_2026-03-31"
    kind: str  # the rule code, or "custom"
    year: int
    start: dt.date
    end: dt.date
    name: str
    citation: str = ""
    statistical_only: bool = False

    @property
    def label(self) -> str:
        dates = f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"
        return dates if self.kind == CUSTOM else f"{self.name} {self.year} ({dates})"

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def months(self) -> list[tuple[dt.date, dt.date]]:
        """The period cut into report months (from the figure ``report.month_start_day``: the 15th to the 14th),
        clipped to the period."""
        months: list[tuple[dt.date, dt.date]] = []
        cursor = self.start
        first_days = figure_versions(MONTH_START)  # one read for every month of the period
        while cursor <= self.end:
            last = min(_report_month_end(cursor, first_days.value_on(cursor)), self.end)
            months.append((cursor, last))
            cursor = last + dt.timedelta(days=1)
        return months


MONTH_START = "report.month_start_day"  # the law app's figure: a report month runs from this day (the 15th)


def _report_month_end(day: dt.date, first: int) -> dt.date:
    """The last day of the report month of ``day``: the day before the next report month starts on day
    ``first`` (TT 01/2024: the 15th to the 14th; ``first`` is the figure in force on ``day``)."""
    year, month = (day.year, day.month + 1) if day.month < 12 else (day.year + 1, 1)
    if day.day < first:
        year, month = day.year, day.month
    return dt.date(year, month, first) - dt.timedelta(days=1)


def period_rules() -> list[ReportPeriodRule]:
    return list(ReportPeriodRule.objects.order_by("position", "code"))


def period_from_rule(rule: ReportPeriodRule, year: int) -> Period:
    start = dt.date(year + rule.start_year_offset, rule.start_month, rule.start_day)
    end = dt.date(year, rule.end_month, rule.end_day)
    name = rule.name_en if (get_language() or "vi").startswith("en") else rule.name
    return Period(
        code=f"{year}-{rule.code}",
        kind=rule.code,
        year=year,
        start=start,
        end=end,
        name=name,
        citation=rule.citation,
        statistical_only=rule.statistical_only,
    )


def custom_period(start: dt.date, end: dt.date) -> Period:
    if end < start:
        raise ValueError(_("The period ends before it starts."))
    if (end - start).days > MAX_CUSTOM_DAYS:
        raise ValueError(_("A custom period may cover at most three years."))
    return Period(
        code=f"{start.isoformat()}_{end.isoformat()}", kind=CUSTOM, year=end.year, start=start, end=end, name=""
    )


def parse_period(value: str, *, rules: list[ReportPeriodRule] | None = None) -> Period:
    """The period a URL names. Raises ``ValueError`` with a message for people."""
    value = (value or "").strip()
    if match := _CUSTOM_CODE.fullmatch(value):
        try:
            start, end = dt.date.fromisoformat(match["start"]), dt.date.fromisoformat(match["end"])
        except ValueError:
            raise ValueError(_("This is not a valid date.")) from None
        return custom_period(start, end)
    match = _RULE_CODE.fullmatch(value)
    if match is None or not MIN_YEAR <= int(match["year"]) <= MAX_YEAR:
        raise ValueError(_("Unknown reporting period."))
    by_code = {rule.code: rule for rule in (rules if rules is not None else period_rules())}
    rule = by_code.get(match["code"])
    if rule is None:
        raise ValueError(_("Unknown reporting period."))
    return period_from_rule(rule, int(match["year"]))


def quarter_containing(day: dt.date, *, rules: list[ReportPeriodRule] | None = None) -> Period:
    """The quarter whose cut-off dates contain ``day`` (20 December 2026 is in Q1 2027)."""
    quarters = [rule for rule in (rules if rules is not None else period_rules()) if rule.code in QUARTERS]
    for year in (day.year, day.year + 1):
        for rule in quarters:
            period = period_from_rule(rule, year)
            if period.contains(day):
                return period
    raise LookupError("no quarter rule covers this date")  # the seeded rules cover every day


def period_choices(*, today: dt.date, years: int = 3) -> list[Period]:
    """Every rule's period for the current report year and the ``years - 1`` before, newest first."""
    rules = period_rules()
    current = quarter_containing(today, rules=rules).year if rules else today.year
    periods = [period_from_rule(rule, year) for year in range(current, current - years, -1) for rule in rules]
    return [p for p in periods if p.start <= today]
