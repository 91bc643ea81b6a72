"""The working-day calendar: what the holidays package gives, the seeded corrections, overrides and the cache,
working days left and deadline status, and properties checked with hypothesis."""

import datetime as dt

import holidays
import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan.calendar import workdays
from danvan.calendar.models import CalendarOverride, OverrideKind
from danvan.calendar.selectors import (
    DeadlineStatus,
    add_working_days,
    day_info,
    deadline_status,
    due_date,
    is_working_day,
    next_working_day,
    roll_forward,
    working_days_left,
)
from danvan.calendar.services import override_add, override_remove
from danvan.calendar.workdays import GENERATION_KEY, package_year

D = dt.date.fromisoformat


def _off_weekdays(year: int) -> list[str]:
    start = dt.date(year, 1, 1)
    days = (start + dt.timedelta(days=i) for i in range(366))
    return [d.isoformat() for d in days if d.year == year and d.weekday() < 5 and not is_working_day(d)]


def test_package_knows_the_2025_and_2026_holidays():
    # What the application relies on from holidays (country VN); a package upgrade that changes it fails here.
    assert sorted(d.isoformat() for d in package_year(2025).days_off if d.weekday() < 5) == [
        "2025-01-01",
        "2025-01-27",
        "2025-01-28",
        "2025-01-29",
        "2025-01-30",
        "2025-01-31",
        "2025-04-07",
        "2025-04-30",
        "2025-05-01",
        "2025-05-02",
        "2025-09-01",
        "2025-09-02",
    ]
    assert package_year(2025).weekend_workdays == {D("2025-04-26")}
    assert package_year(2026).weekend_workdays == {D("2026-08-22")}
    assert D("2026-04-27") in package_year(2026).days_off  # Giỗ Tổ on Sunday 26 → compensatory Monday
    assert D("2026-11-24") in package_year(2026).days_off  # Ngày Văn hóa Việt Nam (package since 2026; see report)


@pytest.mark.django_db
def test_weekdays_off_2025_and_2026_with_the_seeded_new_year_swap():
    assert _off_weekdays(2025) == [
        "2025-01-01",
        "2025-01-27",
        "2025-01-28",
        "2025-01-29",
        "2025-01-30",
        "2025-01-31",
        "2025-04-07",
        "2025-04-30",
        "2025-05-01",
        "2025-05-02",
        "2025-09-01",
        "2025-09-02",
    ]
    assert _off_weekdays(2026) == [
        "2026-01-01",
        "2026-01-02",  # seeded override: công văn 12729/VPCP-KGVX
        "2026-02-16",
        "2026-02-17",
        "2026-02-18",
        "2026-02-19",
        "2026-02-20",
        "2026-04-27",
        "2026-04-30",
        "2026-05-01",
        "2026-08-31",
        "2026-09-01",
        "2026-09-02",
        "2026-11-24",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("day", "working"),
    [
        ("2025-04-26", True),  # Saturday worked for Friday 2 May 2025 (package)
        ("2025-04-27", False),  # Sunday
        ("2026-01-10", True),  # Saturday worked for Friday 2 January 2026 (seeded override)
        ("2026-08-22", True),  # Saturday worked for Monday 31 August 2026 (package)
        ("2026-02-14", False),  # Saturday before Tết
        ("2026-02-23", True),  # first day back after Tết 2026
        ("2025-02-03", True),  # first day back after Tết 2025
    ],
)
def test_single_days(day, working):
    assert is_working_day(D(day)) is working


@pytest.mark.django_db
def test_next_working_day_and_roll_forward():
    assert next_working_day(D("2026-02-13")) == D("2026-02-23")  # Friday before Tết → Monday after
    assert next_working_day(D("2026-02-23")) == D("2026-02-24")  # strictly after
    assert roll_forward(D("2026-02-23")) == D("2026-02-23")  # a working day stays
    assert roll_forward(D("2026-04-26")) == D("2026-04-28")  # Giỗ Tổ Sunday, compensatory Monday
    assert add_working_days(D("2026-02-13"), 0) == D("2026-02-13")
    with pytest.raises(ValueError, match="negative"):
        add_working_days(D("2026-02-13"), -1)


@pytest.mark.django_db
def test_day_info_explains_a_day():
    info = day_info(D("2026-01-02"))
    assert not info.is_working_day
    assert info.override is not None
    assert info.override.legal_basis.startswith("Công văn số 12729/VPCP-KGVX")
    assert day_info(D("2026-02-17")).holiday == "Tết Nguyên Đán"
    assert day_info(D("2026-03-03")) == day_info(D("2026-03-03"))


@pytest.mark.django_db
def test_a_day_off_override_moves_a_due_date_and_the_cache_follows(django_capture_on_commit_callbacks):
    start = D("2026-03-02")  # Monday; 5 wd → Mon 9 Mar
    assert due_date(rule_code="denunciation.forward", start=start).date == D("2026-03-09")
    with django_capture_on_commit_callbacks(execute=True):
        override = override_add(
            actor=None,
            day=D("2026-03-04"),
            kind=OverrideKind.DAY_OFF,
            reason="Ngày nghỉ đột xuất (kiểm thử)",
            legal_basis="Quyết định số 1/QĐ-TEST ngày 01/03/2026",
        )
    # Tue 3(1), Wed 4 now off, Thu 5(2), Fri 6(3), Mon 9(4), Tue 10(5).
    assert due_date(rule_code="denunciation.forward", start=start).date == D("2026-03-10")
    assert not is_working_day(D("2026-03-04"))
    with django_capture_on_commit_callbacks(execute=True):
        override_remove(actor=None, override=override)
    assert due_date(rule_code="denunciation.forward", start=start).date == D("2026-03-09")


@pytest.mark.django_db
def test_a_working_day_override_on_a_saturday(django_capture_on_commit_callbacks):
    assert due_date(rule_code="complaint.decision.send", start=D("2026-03-05")).date == D("2026-03-10")
    with django_capture_on_commit_callbacks(execute=True):
        override_add(
            actor=None,
            day=D("2026-03-07"),
            kind=OverrideKind.WORKING_DAY,
            reason="Làm bù (kiểm thử)",
            legal_basis="Quyết định số 2/QĐ-TEST ngày 01/03/2026",
        )
    # Thu 5: Fri 6(1), Sat 7 worked(2), Mon 9(3).
    assert due_date(rule_code="complaint.decision.send", start=D("2026-03-05")).date == D("2026-03-09")


@pytest.mark.django_db
def test_cache_is_used_and_other_processes_are_told(django_assert_num_queries, monkeypatch):
    monkeypatch.setattr(workdays, "GENERATION_CHECK_SECONDS", 0.0)
    is_working_day(D("2026-03-03"))
    due_date(rule_code="complaint.accept", start=D("2026-03-03"))
    with django_assert_num_queries(0):
        for day in range(1, 28):
            is_working_day(dt.date(2026, 3, day))
        due_date(rule_code="complaint.accept", start=D("2026-03-03"))
    # Another process changed an override: the shared generation key changes, this process reloads.
    cache.set(GENERATION_KEY, "changed-elsewhere")
    CalendarOverride.objects.create(
        date=D("2026-03-03"), kind=OverrideKind.DAY_OFF, reason="r", legal_basis="b"
    )  # written behind the services' back, as another process would have done
    with django_assert_num_queries(1):
        assert not is_working_day(D("2026-03-03"))


@pytest.mark.django_db
def test_without_a_shared_cache_a_process_reloads_after_the_ttl(monkeypatch):
    assert is_working_day(D("2026-03-04"))
    CalendarOverride.objects.create(date=D("2026-03-04"), kind=OverrideKind.DAY_OFF, reason="r", legal_basis="b")
    assert is_working_day(D("2026-03-04"))  # still the cached view
    monkeypatch.setattr(workdays, "LOCAL_TTL_SECONDS", -1.0)
    assert not is_working_day(D("2026-03-04"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("today", "due", "left", "status"),
    [
        ("2026-02-25", "2026-03-06", 7, DeadlineStatus.ON_TIME),  # Thu 26 .. Fri 6 Mar: 7 wd
        ("2026-03-03", "2026-03-06", 3, DeadlineStatus.DUE_SOON),  # Wed 4, Thu 5, Fri 6
        ("2026-03-06", "2026-03-06", 0, DeadlineStatus.DUE_SOON),  # due today
        ("2026-02-12", "2026-02-25", 4, DeadlineStatus.ON_TIME),  # Fri 13, (Tết: 0), Mon 23, Tue 24, Wed 25
        ("2026-02-11", "2026-02-25", 5, DeadlineStatus.ON_TIME),
        ("2026-03-07", "2026-03-06", -1, DeadlineStatus.OVERDUE),  # Saturday after a Friday deadline
        ("2026-03-09", "2026-03-06", -1, DeadlineStatus.OVERDUE),  # Monday
        ("2026-03-10", "2026-03-06", -2, DeadlineStatus.OVERDUE),
        ("2026-02-23", "2026-02-13", -1, DeadlineStatus.OVERDUE),  # Tết in between is not counted
    ],
)
def test_working_days_left_and_status(today, due, left, status):
    assert working_days_left(today=D(today), due=D(due)) == left
    assert deadline_status(today=D(today), due=D(due)) == status


@pytest.mark.django_db
def test_due_soon_threshold_is_a_parameter():
    assert deadline_status(today=D("2026-02-11"), due=D("2026-02-25"), soon_threshold=5) == "due_soon"
    assert deadline_status(today=D("2026-03-03"), due=D("2026-03-06"), soon_threshold=2) == "on_time"


DATES = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2027, 12, 31))
PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.django_db
@PROPERTY_SETTINGS
@given(start=DATES, n=st.integers(min_value=1, max_value=60))
def test_add_working_days_lands_on_a_working_day_after_start(start, n):
    end = add_working_days(start, n)
    assert end > start
    assert is_working_day(end)
    assert working_days_left(today=start, due=end) == n
    assert add_working_days(start, n + 1) > end  # strictly monotonic in n


@pytest.mark.django_db
@PROPERTY_SETTINGS
@given(start=DATES, n=st.integers(min_value=1, max_value=120))
def test_days_rule_ends_on_the_first_working_day_from_start_plus_n(start, n):
    end = roll_forward(start + dt.timedelta(days=n))
    assert is_working_day(end)
    skipped = (end - (start + dt.timedelta(days=n))).days
    assert all(not is_working_day(start + dt.timedelta(days=n + i)) for i in range(skipped))


@pytest.mark.django_db
@PROPERTY_SETTINGS
@given(start=st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2025, 10, 31)), n=st.integers(1, 30))
def test_agrees_with_the_package_where_no_override_applies(start, n):
    # No override before 2026: our calendar must equal the package's own working-day arithmetic.
    assert add_working_days(start, n) == holidays.VN(years=start.year).get_nth_working_day(start, n)
