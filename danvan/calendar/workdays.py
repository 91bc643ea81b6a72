"""The working-day calendar of Vietnamese state agencies.

A day is a working day when it is Monday–Friday and not a public holiday, or a Saturday/Sunday that is
worked as a make-up day (làm bù); a :class:`~danvan.calendar.models.CalendarOverride` row wins over both.

Sources, in order of precedence:

1. ``CalendarOverride`` rows (administrators; seeded corrections by migration);
2. the ``holidays`` package, country ``VN``: the holidays of Labour Code 2019 art. 112, the compensatory
   days of art. 111(3), the Prime Minister's yearly Tết and 2 September choices it knows, and its
   swapped days — the weekday off *and* the Saturday worked back (``weekend_workdays``);
3. the Monday–Friday week of civil servants.

The package data never changes while the process runs, so it is cached per year for good. Overrides and
rules are cached per process too and dropped when a service changes them (``calendar_cache_clear``), when
another process announces a change through the Django cache (shared when it is Redis; looked at no more
than once every ``GENERATION_CHECK_SECONDS``), and at the latest after ``LOCAL_TTL_SECONDS`` (the bound for
deployments whose Django cache is per process).
"""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid
from dataclasses import dataclass, field
from functools import lru_cache

import holidays
from django.core.cache import cache

from danvan.calendar.models import CalendarOverride, OverrideKind, TimeLimitRule

GENERATION_KEY = "legal_calendar:generation"
LOCAL_TTL_SECONDS = 300.0
GENERATION_CHECK_SECONDS = 1.0
SEARCH_LIMIT_DAYS = 3 * 366  # a calendar without a single working day for three years is a data error
ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class PackageYear:
    """What the ``holidays`` package says about one year."""

    days_off: dict[dt.date, str]
    weekend_workdays: frozenset[dt.date]


@lru_cache(maxsize=64)
def package_year(year: int) -> PackageYear:
    calendar = holidays.country_holidays("VN", years=year, language="vi")
    days_off = {day: str(name) for day, name in calendar.items() if day.year == year}
    # ``weekend_workdays`` holds the Saturdays worked in exchange for a weekday off (``is_working_day`` of
    # the package reads it too); it may also list other years' make-up days, hence the filter.
    workdays = frozenset(day for day in getattr(calendar, "weekend_workdays", ()) if day.year == year)
    return PackageYear(days_off=days_off, weekend_workdays=workdays)


@dataclass(frozen=True)
class YearCalendar:
    days_off: frozenset[dt.date]
    weekend_workdays: frozenset[dt.date]


@dataclass
class _State:
    generation: object = None
    loaded_at: float = 0.0
    checked_at: float = float("-inf")
    years: dict[int, YearCalendar] = field(default_factory=dict)
    overrides: dict[int, list[CalendarOverride]] | None = None
    rules: list[TimeLimitRule] | None = None


_lock = threading.Lock()
_state = _State()


def calendar_cache_clear(*, announce: bool = True) -> None:
    """Forget cached overrides and rules in this process and, with ``announce``, in every process that
    shares the Django cache. Services call it when they change an override or a rule."""
    global _state
    with _lock:
        _state = _State()
    if announce:
        cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def _current() -> _State:
    global _state
    now = time.monotonic()
    state = _state
    if now - state.checked_at < GENERATION_CHECK_SECONDS and now - state.loaded_at <= LOCAL_TTL_SECONDS:
        return state  # checked a moment ago: spare the shared cache a round trip per call in long scans
    generation = cache.get(GENERATION_KEY)
    with _lock:
        state = _state
        if state.generation != generation or now - state.loaded_at > LOCAL_TTL_SECONDS:
            state = _State(generation=generation, loaded_at=now)
            _state = state
        state.checked_at = now
        return state


def _overrides_by_year(state: _State) -> dict[int, list[CalendarOverride]]:
    if state.overrides is None:
        grouped: dict[int, list[CalendarOverride]] = {}
        for override in CalendarOverride.objects.order_by("date"):
            grouped.setdefault(override.date.year, []).append(override)
        state.overrides = grouped
    return state.overrides


@dataclass(frozen=True)
class Calendar:
    """A consistent view of the calendar for one computation (one freshness check, then no queries)."""

    state: _State

    def year(self, year: int) -> YearCalendar:
        cached = self.state.years.get(year)
        if cached is not None:
            return cached
        package = package_year(year)
        days_off = set(package.days_off)
        workdays = set(package.weekend_workdays)
        for override in _overrides_by_year(self.state).get(year, []):
            if override.kind == OverrideKind.DAY_OFF:
                days_off.add(override.date)
                workdays.discard(override.date)
            else:
                days_off.discard(override.date)
                workdays.add(override.date)
        result = YearCalendar(days_off=frozenset(days_off), weekend_workdays=frozenset(workdays))
        self.state.years[year] = result
        return result

    def override(self, day: dt.date) -> CalendarOverride | None:
        return next((o for o in _overrides_by_year(self.state).get(day.year, []) if o.date == day), None)

    def is_working_day(self, day: dt.date) -> bool:
        # The package's own rule: a weekday works unless it is off; a weekend day works only as a make-up day.
        year = self.year(day.year)
        return day not in year.days_off if day.weekday() < 5 else day in year.weekend_workdays

    def next_working_day(self, day: dt.date) -> dt.date:
        for _ in range(SEARCH_LIMIT_DAYS):
            day += ONE_DAY
            if self.is_working_day(day):
                return day
        raise RuntimeError(f"No working day within {SEARCH_LIMIT_DAYS} days after {day}: check the overrides.")

    def roll_forward(self, day: dt.date) -> dt.date:
        return day if self.is_working_day(day) else self.next_working_day(day)

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        if n < 0:
            raise ValueError("n must not be negative")
        day = start
        for _ in range(n):
            day = self.next_working_day(day)
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]; negative, counted over (end, start], when end is before start."""
        if end < start:
            return -self.working_days_between(end, start)
        return sum(1 for i in range(1, (end - start).days + 1) if self.is_working_day(start + dt.timedelta(days=i)))

    def rules(self) -> list[TimeLimitRule]:
        if self.state.rules is None:
            self.state.rules = list(TimeLimitRule.objects.order_by("code", "complex", "remote", "effective_from"))
        return self.state.rules


def current_calendar() -> Calendar:
    return Calendar(_current())


def is_working_day(day: dt.date) -> bool:
    """Monday–Friday and not a holiday, or a make-up weekend day; overrides win."""
    return current_calendar().is_working_day(day)


def next_working_day(day: dt.date) -> dt.date:
    """The first working day strictly after ``day``."""
    return current_calendar().next_working_day(day)


def roll_forward(day: dt.date) -> dt.date:
    """``day`` itself when it is a working day, else the next working day (Civil Code 2015 art. 148(5))."""
    return current_calendar().roll_forward(day)


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The N-th working day after ``start``; ``start`` itself is not counted (Civil Code 2015 art. 147).
    ``n == 0`` gives ``start`` back unchanged."""
    return current_calendar().add_working_days(start, n)


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end``; negative when ``end`` is before ``start``."""
    return current_calendar().working_days_between(start, end)


@dataclass(frozen=True)
class DayInfo:
    date: dt.date
    is_working_day: bool
    holiday: str  # the package's Vietnamese name of the holiday, or ""
    override: CalendarOverride | None


def day_info(day: dt.date) -> DayInfo:
    """Why a day is, or is not, a working day: for calendars and explanations in the user interface."""
    calendar = current_calendar()
    return DayInfo(
        date=day,
        is_working_day=calendar.is_working_day(day),
        holiday=package_year(day.year).days_off.get(day, ""),
        override=calendar.override(day),
    )
