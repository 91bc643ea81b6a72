"""The crowd size is law data (the law app's figure ``reception.crowd_min_people``, dated): reception, petitions,
the inbox and the reports read the version in force on the day a petition came."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.cases.models import Petition
from danvan.law.models import LegalFigure
from danvan.reception import law

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("day", [dt.date(2015, 1, 1), dt.date(2026, 6, 30), dt.date(2026, 7, 1), dt.date(2030, 1, 1)])
def test_the_seeded_crowd_size_is_five_people(day):
    assert law.crowd_min_people(day=day) == 5


def test_a_petition_is_a_crowd_from_the_legal_size_of_its_day():
    day = dt.date(2026, 3, 1)
    assert Petition(people_count=5, received_on=day).is_crowd
    assert not Petition(people_count=4, received_on=day).is_crowd
    LegalFigure.objects.filter(code="reception.crowd_min_people").update(effective_to=dt.date(2027, 1, 1))
    LegalFigure.objects.create(
        code="reception.crowd_min_people",
        value=7,
        unit="people",
        effective_from=dt.date(2027, 1, 1),
        citation="Văn bản thử nghiệm",
    )
    assert Petition(people_count=5, received_on=dt.date(2026, 12, 31)).is_crowd
    assert not Petition(people_count=5, received_on=dt.date(2027, 1, 1)).is_crowd
    assert Petition(people_count=7, received_on=dt.date(2027, 1, 1)).is_crowd
    assert law.crowd_min_people(day=dt.date(2027, 1, 1)) == 7


def test_a_new_complexity_criterion_applies_from_its_date_only(world):
    from danvan.law.models import LegalGround

    LegalGround.objects.create(
        list_code="case.complexity_criteria",
        code="new_criterion",
        name="Tiêu chí thử nghiệm",
        name_en="A test criterion",
        effective_from=dt.date(2027, 1, 1),
        citation="Văn bản thử nghiệm",
    )
    codes = {c.code for c in law.complexity_criteria(day=dt.date(2026, 12, 31))}
    assert "new_criterion" not in codes
    assert "several_places" in codes
    assert "new_criterion" in {c.code for c in law.complexity_criteria(day=dt.date(2027, 1, 1))}
    assert law.criterion_label("new_criterion", language="vi") == "Tiêu chí thử nghiệm"
    assert law.criterion_label("prolonged", language="en") == "open longer than the threshold"


def test_a_new_refusal_ground_applies_from_its_date_only():
    from danvan.law.models import LegalGround

    LegalGround.objects.create(
        list_code="reception.refusal",
        code="tcd-thu",
        name="Căn cứ thử",
        name_en="A test ground",
        effective_from=dt.date(2027, 1, 1),
        citation="Văn bản thử nghiệm",
    )
    assert "tcd-thu" not in law.refusal_grounds(day=dt.date(2026, 12, 31)).values_list("code", flat=True)
    assert "tcd-thu" in law.refusal_grounds(day=dt.date(2027, 1, 1)).values_list("code", flat=True)
