"""Open311 POST from a client that knows only an address: the commune is read from address_string."""

import pytest
from django.core.cache import cache
from django.test import Client

from danvan.cases.models import Petition
from danvan.geography.models import Kind, Level
from danvan.testing import make_unit

URL = "/open311/v2/requests.json"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def report(**fields) -> dict:
    form = {
        "service_code": "infrastructure",
        "description": "Đèn đường trước số 12 đường Trần Phú hỏng đã một tuần, buổi tối rất tối.",
        "lat": "22.396428",
        "long": "103.458481",
    }
    return form | fields


def test_a_commune_named_in_the_address_string_without_accents_is_used(world):
    response = Client().post(URL, report(address_string="So 12 Tran Phu, to 5, PHUONG TAN PHONG, Lai Chau"))
    assert response.status_code == 201, response.content
    assert Petition.objects.get().unit == world.commune_a


def test_a_commune_name_shared_by_two_provinces_is_told_apart_by_the_province(world):
    twin = make_unit("00099", "Phường Tân Phong", Level.COMMUNE, Kind.WARD, world.other_province)
    ambiguous = Client().post(URL, report(address_string="Tổ 5, phường Tân Phong"))
    assert ambiguous.status_code == 400
    [error] = ambiguous.json()
    assert world.commune_a.code in error["description"]
    assert twin.code in error["description"]
    assert Petition.objects.count() == 0
    response = Client().post(URL, report(address_string="Tổ 5, phường Tân Phong, tỉnh Lai Châu"))
    assert response.status_code == 201, response.content
    assert Petition.objects.get().unit == world.commune_a


def test_only_coordinates_is_a_400_saying_how_to_give_the_commune(world):
    response = Client().post(URL, report())
    assert response.status_code == 400
    [error] = response.json()
    assert "address_id" in error["description"]
    assert "address_string" in error["description"]
    assert Petition.objects.count() == 0


def test_an_address_naming_no_known_commune_is_a_400(world):
    response = Client().post(URL, report(address_string="Số 12 đường Trần Phú, phường Không Có"))
    assert response.status_code == 400
    assert Petition.objects.count() == 0


def test_a_commune_name_inside_another_word_is_not_a_match(world):
    # "phường Tân Phong" is not in "phường Tân Phongthổ": whole words only.
    response = Client().post(URL, report(address_string="phường Tân Phongthổ"))
    assert response.status_code == 400
