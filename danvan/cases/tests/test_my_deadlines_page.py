""" "My deadlines" (Hạn xử lý của tôi): each officer sees the open deadlines they are responsible for, across
modules, most urgent first; a unit head may look at their units'; the navigation counts them in one query."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from danvan.calendar.models import Deadline, RuleUnit
from danvan.calendar.services import rule_version_add
from danvan.calendar.services_deadlines import deadline_open, deadline_pause
from danvan.cases.services import workflow
from danvan.reception.models import ComplexCase
from danvan.testing import PERSONAS, login_client

SNAPSHOT = ("pk", "state", "due_on", "paused_on", "completed_on", "responsible_id", "notified_soon")
URL = "/workspace/deadlines/"


@pytest.fixture
def setup(world, personas, submit, head_a):
    """Two petitions of commune A: one assigned to officer_same (overdue), one nobody's yet; a complex case
    of officer_same's due soon (2 working days from today); one of officer_other, suspended."""
    today = timezone.localdate()
    mine = submit(received_on=today - dt.timedelta(days=60)).petition
    workflow.petition_assign(actor=head_a, petition=mine, handler=personas["officer_same"])
    unassigned = submit(received_on=today - dt.timedelta(days=1)).petition
    rule_version_add(
        actor=None,
        code="test.short",
        length=2,
        unit=RuleUnit.WORKING_DAYS,
        counts_from="ngày giao",
        citation="Thử nghiệm",
        effective_from=dt.date(2020, 1, 1),
    )
    case = ComplexCase.objects.create(
        organization=world.org_a,
        unit=world.commune_a,
        title="Vụ việc đất đai kéo dài",
        summary="Nội bộ.",
        opened_on=dt.date(2026, 1, 5),
        created_by=head_a,
    )
    deadline_open(
        actor=head_a,
        record=case,
        key="roadmap",
        rule_code="test.short",
        start=today,
        organization=world.org_a,
        responsible=personas["officer_same"],
    )
    other_case = ComplexCase.objects.create(
        organization=world.org_b,
        unit=world.commune_b,
        title="Vụ việc của xã B",
        summary="Nội bộ.",
        opened_on=dt.date(2026, 1, 5),
        created_by=head_a,
    )
    paused = deadline_open(
        actor=head_a,
        record=other_case,
        key="roadmap",
        rule_code="test.short",
        start=today,
        organization=world.org_b,
        responsible=personas["officer_other"],
    )
    deadline_pause(actor=head_a, deadline=paused, on=today)
    return {"mine": mine, "unassigned": unassigned, "case": case, "other_case": other_case}


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_sees_only_the_deadlines_they_handle(persona, setup, as_persona):
    before = list(Deadline.objects.order_by("pk").values_list(*SNAPSHOT))
    response = as_persona(persona).get(URL)
    if persona == "anonymous":
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    elif persona == "citizen":
        assert response.status_code == 403
    else:
        assert response.status_code == 200
        html = response.content.decode()
        shown = {
            name
            for name, text in (
                ("mine", setup["mine"].tracking_code),
                ("unassigned", setup["unassigned"].tracking_code),
                ("case", setup["case"].title),
                ("other_case", setup["other_case"].title),
            )
            if text in html
        }
        expected = {"officer_same": {"mine", "case"}, "officer_other": {"other_case"}}.get(persona, set())
        assert shown == expected
        # The unit filter is a unit head's (head_same: commune A's three open deadlines, assigned or not);
        # anyone else asking for it still sees only their own.
        in_unit = 3 if persona == "head_same" else len(expected)
        assert as_persona(persona).get(URL, {"scope": "unit"}).content.decode().count('class="case-card"') == in_unit
    assert list(Deadline.objects.order_by("pk").values_list(*SNAPSHOT)) == before  # a read changes nothing


def test_most_urgent_first_with_links_and_badges(setup, as_persona):
    html = as_persona("officer_same").get(URL).content.decode()
    petition, case = setup["mine"], setup["case"]
    assert html.index(petition.tracking_code) < html.index(case.title)  # overdue before due soon
    assert f'href="/petitions/{petition.pk}/"' in html
    assert f'href="/reception/complex/{case.pk}/"' in html
    assert "badge-overdue" in html
    assert "badge-due_soon" in html


def test_a_unit_head_filters_on_their_units(setup, head_a):
    client = login_client(Client(), head_a)
    assert setup["unassigned"].tracking_code not in client.get(URL).content.decode()  # nobody's: not "mine"
    html = client.get(URL, {"scope": "unit"}).content.decode()
    for text in (setup["mine"].tracking_code, setup["unassigned"].tracking_code, setup["case"].title):
        assert text in html
    assert setup["other_case"].title not in html  # commune B is not head_a's unit


def test_navigation_counts_in_one_query(setup, as_persona):
    client = as_persona("officer_same")
    client.get("/workspace/")  # warm the session and the calendar
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/workspace/").content.decode()
    assert len([q for q in queries.captured_queries if "legal_calendar_deadline" in q["sql"]]) == 1
    assert "1 quá hạn" in html
    assert "1 sắp đến hạn" in html
    with CaptureQueriesContext(connection) as queries:
        html = as_persona("officer_other").get("/workspace/").content.decode()
    assert "nav-counts" not in html  # a suspended deadline is neither overdue nor due soon
