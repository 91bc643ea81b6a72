"""The crowd size is law data (reception rule ``crowd.min_people``, dated); petitions, the inbox and the
reports use the constant ``CROWD_MIN_PEOPLE``: they must agree on every day the rules cover."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.cases.models import CROWD_MIN_PEOPLE, Petition
from danvan.reception import law

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("day", [dt.date(2015, 1, 1), dt.date(2026, 6, 30), dt.date(2026, 7, 1), dt.date(2030, 1, 1)])
def test_the_crowd_constant_is_the_seeded_rule(day):
    assert law.crowd_min_people(day=day) == CROWD_MIN_PEOPLE


def test_a_petition_is_a_crowd_from_the_legal_size():
    assert Petition(people_count=CROWD_MIN_PEOPLE).is_crowd
    assert not Petition(people_count=CROWD_MIN_PEOPLE - 1).is_crowd
