from collections.abc import Iterator

import pytest

from danvan.calendar.workdays import calendar_cache_clear


@pytest.fixture(autouse=True)
def _fresh_calendar_cache() -> Iterator[None]:
    # Each test's database transaction is rolled back at its end; so must the cached overrides and rules be.
    calendar_cache_clear()
    yield
    calendar_cache_clear()
