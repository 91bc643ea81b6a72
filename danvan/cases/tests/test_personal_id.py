import pytest

from danvan.cases.personal_id import personal_id_birth_year, personal_id_problems


@pytest.mark.parametrize(
    ("value", "birth_year"),
    [
        ("001085012345", 1985),  # Hà Nội, male, 1985
        ("079301000001", 2001),  # TP HCM, female, 2001
        ("096190123456", 1990),  # Cà Mau, female, 1990
        ("001 085 012 345", None),  # spaces are tolerated
        ("840085000123", 1985),  # born abroad: 840 = United States
    ],
)
def test_valid_ids(value, birth_year):
    assert personal_id_problems(value, birth_year=birth_year) == []


@pytest.mark.parametrize(
    ("value", "birth_year", "code"),
    [
        ("12345", None, "format"),
        ("00108501234A", None, "format"),
        ("0010850123456", None, "format"),
        ("097085012345", None, "place"),  # no province 097 and no such country
        ("000085012345", None, "place"),
        ("003085012345", None, "place"),  # 003 was never a province code
        ("001085012345", 1986, "birth_year"),  # digits say 1985
        ("001285012345", 1985, "birth_year"),  # century digit 2 means 2000s
    ],
)
def test_invalid_ids(value, birth_year, code):
    assert [p.code for p in personal_id_problems(value, birth_year=birth_year)] == [code]


def test_birth_year_from_id():
    assert personal_id_birth_year("001085012345") == 1985
    assert personal_id_birth_year("001305012345") == 2005
