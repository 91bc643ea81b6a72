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
        ("001205012345", 1985, "birth_year"),  # century digit 2 means 2000s: 2005
        ("001299012345", None, "future"),  # 2099
        ("001485012345", None, "future"),  # century digit 4: 2185
        ("001985012345", 1985, "future"),  # century digit 9: 2385, whatever the stated year
    ],
)
def test_invalid_ids(value, birth_year, code):
    assert [p.code for p in personal_id_problems(value, birth_year=birth_year)] == [code]


def test_birth_year_from_id():
    assert personal_id_birth_year("001085012345") == 1985
    assert personal_id_birth_year("001305012345") == 2005


@pytest.mark.django_db
def test_a_personal_id_born_in_the_future_is_refused_by_the_api(world, as_persona):
    import json

    from danvan.cases.models import Petition

    from .test_api import api_payload

    payload = api_payload(world)
    payload["parties"][0].update(personal_id="001299012345", birth_year=None)
    response = as_persona("officer_same").post("/api/petitions/", json.dumps(payload), content_type="application/json")
    assert response.status_code == 422
    assert "parties.0.personal_id" in response.json()["extra"]["fields"]
    assert Petition.objects.count() == 0
