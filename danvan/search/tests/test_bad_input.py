import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan.search.selectors import search_petitions
from danvan.search.text import MAX_QUERY_CLAUSES, parse_query

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_strategy")]

NASTY = [
    "",
    "   ",
    "x" * 10_000,
    "đất " * 2_500,
    '"',
    '""',
    '"unbalanced phrase',
    "*",
    "**",
    "a*",
    "NEAR",
    "NEAR(đất đai, 5)",
    "đất OR đai",
    "đất AND NOT đai",
    "-đất",
    "folded:đất",
    "exact : (đai)",
    "(((",
    "')) OR 1=1 --",
    "'; DROP TABLE cases_petition; --",
    "!@#$%^&*()_+{}|:<>?~`",
    "đất & đai | !x <-> y:*",
    "\x00\x01\x02",
    "🙂 🏠",
    "١٢٣ ½ ²",
    unicodedata.normalize("NFD", "Đất đai") + " " + "Phú Linh",
    "\u0301\u0300\u0303",
]


@pytest.fixture
def seeded(make_petition):
    return make_petition(subject="Đất đai xã Phú Linh", content="Tranh chấp đất đai giữa hai hộ.")


@pytest.mark.parametrize("query", NASTY)
def test_nasty_queries_never_raise(personas, seeded, query):
    result = search_petitions(user=personas["system_admin"], query=query)
    assert result.total >= 0
    assert len(result.items) <= 50


def test_operator_words_are_plain_words(personas, seeded):
    admin = personas["system_admin"]
    assert [p.pk for p in search_petitions(user=admin, query="NEAR(đất đai)").items] == []
    assert [p.pk for p in search_petitions(user=admin, query="(đất) (đai):").items] == [seeded.pk]
    assert [p.pk for p in search_petitions(user=admin, query='-"đất đai"').items] == [seeded.pk]


def test_huge_queries_are_capped():
    assert len(parse_query("abc " * 5000).clauses) == 1
    assert len(parse_query(" ".join(f"w{i}" for i in range(5000))).clauses) == MAX_QUERY_CLAUSES


def test_punctuation_only_is_an_empty_query(personas, seeded):
    assert not parse_query("?!.,;:-()[]{}")
    assert search_petitions(user=personas["system_admin"], query="?!.,;").items == []


def test_limits_are_clamped(personas, seeded):
    admin = personas["system_admin"]
    assert search_petitions(user=admin, query="dat", limit=-5).items == []
    assert len(search_petitions(user=admin, query="dat", limit=10**9, offset=-3).items) == 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=300))
def test_any_text_never_raises(personas, seeded, query):
    result = search_petitions(user=personas["system_admin"], query=query)
    assert result.total >= len(result.items)
