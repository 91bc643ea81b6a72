import threading
import time

import pytest
from django.db import connection, transaction

from danvan.core.errors import DomainError
from danvan.documents.errors import DocumentErrorCode
from danvan.documents.models import DocumentNumberCounter
from danvan.documents.services import document_number_next

POSTGRES_ONLY = "row locks need PostgreSQL: SQLite serialises whole transactions and its test database is in memory"


def _next(org, symbol="TB-UBND", year=2026):
    return document_number_next(organization=org, year=year, symbol=symbol)


@pytest.mark.django_db
def test_numbers_run_from_01_with_a_leading_zero_below_10(world):
    numbers = [_next(world.org_a) for _ in range(11)]
    assert numbers == [f"{n:02d}/TB-UBND" for n in range(1, 12)]
    assert numbers[4] == "05/TB-UBND"
    assert numbers[9:] == ["10/TB-UBND", "11/TB-UBND"]
    counter = DocumentNumberCounter.objects.get()
    assert (counter.organization, counter.year, counter.symbol, counter.last_number) == (
        world.org_a,
        2026,
        "TB-UBND",
        11,
    )


@pytest.mark.django_db
def test_numbers_of_three_digits_keep_all_digits(world):
    DocumentNumberCounter.objects.create(organization=world.org_a, year=2026, symbol="TB-UBND", last_number=99)
    assert _next(world.org_a) == "100/TB-UBND"


@pytest.mark.django_db
def test_each_organisation_year_and_symbol_counts_on_its_own(world):
    assert _next(world.org_a) == "01/TB-UBND"
    assert _next(world.org_a) == "02/TB-UBND"
    assert _next(world.org_a, symbol="QĐ-UBND") == "01/QĐ-UBND"
    assert _next(world.org_a, symbol="UBND-TCD") == "01/UBND-TCD"
    assert _next(world.org_b) == "01/TB-UBND"
    assert _next(world.org_a) == "03/TB-UBND"
    assert DocumentNumberCounter.objects.count() == 4


@pytest.mark.django_db
def test_a_new_year_starts_again_at_01(world):
    assert [_next(world.org_a, year=2025) for _ in range(3)][-1] == "03/TB-UBND"
    assert _next(world.org_a, year=2026) == "01/TB-UBND"
    assert _next(world.org_a, year=2025) == "04/TB-UBND"


@pytest.mark.django_db
def test_a_rolled_back_document_gives_its_number_back(world):
    assert _next(world.org_a) == "01/TB-UBND"

    held = []

    class Abandoned(Exception):
        pass

    def issue_and_abandon():
        with transaction.atomic():
            held.append(_next(world.org_a))
            raise Abandoned

    with pytest.raises(Abandoned):
        issue_and_abandon()
    assert held == ["02/TB-UBND"]
    assert _next(world.org_a) == "02/TB-UBND"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "symbol",
    ["", "TB", "tb-ubnd", "TB UBND", "TB-UBND ", "TB/UBND", "TB--UBND", "-TB-UBND", "TB-" + "X" * 40],
)
def test_a_malformed_symbol_is_refused_and_nothing_is_stored(world, symbol):
    with pytest.raises(DomainError) as caught:
        _next(world.org_a, symbol=symbol)
    assert caught.value.code == DocumentErrorCode.INVALID_SYMBOL
    assert DocumentNumberCounter.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("symbol", ["CTr-UBND", "QyĐ-UBND", "TTr-UBND", "BC-BCĐ389", "UBND-TCD", "QĐ-UBND-TTr"])
def test_symbols_of_appendix_iii_are_accepted(world, symbol):
    assert _next(world.org_a, symbol=symbol) == f"01/{symbol}"


@pytest.mark.django_db
@pytest.mark.parametrize("year", [0, 1999, 3000])
def test_an_impossible_year_is_refused(world, year):
    with pytest.raises(DomainError) as caught:
        _next(world.org_a, year=year)
    assert caught.value.code == DocumentErrorCode.INVALID_YEAR
    assert DocumentNumberCounter.objects.count() == 0


def _in_thread(target, results, errors):
    def run():
        try:
            target(results)
        except Exception as exc:  # reported by the test
            errors.append(exc)
        finally:
            connection.close()

    return threading.Thread(target=run)


@pytest.mark.django_db(transaction=True)
def test_concurrent_transactions_get_unique_gap_free_numbers(world):
    if connection.vendor == "sqlite":
        pytest.skip(POSTGRES_ONLY)
    workers, each = 6, 5
    barrier = threading.Barrier(workers)

    def allocate(results):
        barrier.wait(timeout=10)  # all start together, also racing to create the year's counter row
        for _ in range(each):
            with transaction.atomic():
                results.append(_next(world.org_a))

    results: list[str] = []
    errors: list[Exception] = []
    threads = [_in_thread(allocate, results, errors) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert sorted(results) == [f"{n:02d}/TB-UBND" for n in range(1, workers * each + 1)]
    assert DocumentNumberCounter.objects.get().last_number == workers * each


@pytest.mark.django_db(transaction=True)
def test_a_waiting_transaction_gets_the_number_a_rolled_back_one_held(world):
    if connection.vendor == "sqlite":
        pytest.skip(POSTGRES_ONLY)
    assert _next(world.org_a) == "01/TB-UBND"
    holding = threading.Event()
    events: list[tuple[str, str]] = []

    class Abandoned(Exception):
        pass

    def first(results):
        try:
            with transaction.atomic():
                results.append(("first", _next(world.org_a)))
                holding.set()
                time.sleep(0.5)
                events.append(("first", "rolled back"))
                raise Abandoned
        except Abandoned:
            pass

    def second(results):
        assert holding.wait(timeout=10)
        with transaction.atomic():
            number = _next(world.org_a)  # blocks on the row lock until the first transaction ends
        events.append(("second", number))
        results.append(("second", number))

    results: list[tuple[str, str]] = []
    errors: list[Exception] = []
    threads = [_in_thread(first, results, errors), _in_thread(second, results, errors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert sorted(results) == [("first", "02/TB-UBND"), ("second", "02/TB-UBND")]
    assert events == [("first", "rolled back"), ("second", "02/TB-UBND")]
