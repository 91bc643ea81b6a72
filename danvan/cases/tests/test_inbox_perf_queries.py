"""The inbox at a million petitions: the shape of its queries (no DISTINCT, no per-row subquery, choices
read from memberships, a bounded count), the urgency order, and the accent-insensitive text filter."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.html import escape

from danvan.accounts.models import Membership, Role
from danvan.cases.models import Petition, StepDeadline
from danvan.cases.selectors import folded_pattern, petition_list_for_user
from danvan.cases.services import workflow
from danvan.cases.services.intake import PartyData, petition_submit
from danvan.cases.views import officer
from danvan.testing import login_client, make_user

from .conftest import petition_data

NOW = dt.datetime(2026, 11, 2, 9, 0)
pytestmark = pytest.mark.usefixtures("_now")


@pytest.fixture
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


def _codes(response) -> list[str]:
    assert response.status_code == 200
    return re.findall(r'class="tracking-code">(DV-[\w-]+)<', response.content.decode())


def _petition_sql(queries: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if '"cases_petition"' in q["sql"]]


@pytest.mark.parametrize("scope", ["", "?scope=all"])
def test_the_inbox_queries_have_the_cheap_shape(world, submit, head_a, handler_a, scope):
    for _ in range(3):
        workflow.petition_assign(actor=head_a, petition=submit().petition, handler=handler_a)
    client = login_client(Client(), head_a)
    client.get(f"/petitions/inbox/{scope}")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/petitions/inbox/{scope}").status_code == 200
    touching_petitions = _petition_sql(queries)
    # Exactly two reads of the petitions: the bounded count and the page. Handler and commune choices
    # come from memberships and the jurisdiction, never from the petitions.
    assert len(touching_petitions) == 2, touching_petitions
    count, page = touching_petitions
    assert count.startswith("SELECT COUNT(*) FROM (SELECT")
    assert "LIMIT 10001" in count
    for sql in touching_petitions:
        assert "DISTINCT" not in sql
        assert "cases_stepdeadline" not in sql  # the urgency is a column, not a subquery per row
        assert 'JOIN "cases_forwarding"' not in sql
    assert '"cases_petition"."earliest_due_on" ASC' in page


def test_the_jurisdiction_scope_is_id_lists_without_distinct(world, personas, submit, head_a, monkeypatch):
    from danvan.cases import selectors

    sql = str(petition_list_for_user(user=personas["province_inspector"]).query)
    assert "DISTINCT" not in sql
    assert "SELECT" not in sql.split("WHERE", 1)[1]  # nothing forwarded: organisation ids only
    assert "geography_administrativeunit" not in sql.split("WHERE", 1)[1]  # organisations resolved first
    forwarded = workflow.petition_forward(actor=head_a, petition=submit().petition, to_organization=world.org_b)
    # Forwarded out of the jurisdiction's commune A: the sender still sees it, once, through an id list
    # (PostgreSQL reads "org IN (…) OR id IN (…)" from two indexes; a sub-query there cost a full scan).
    sql = str(petition_list_for_user(user=personas["officer_same"]).query).split("WHERE", 1)[1]
    assert f'"cases_petition"."id" IN ({forwarded.pk})' in sql
    assert list(petition_list_for_user(user=personas["officer_same"])) == [forwarded]
    assert list(petition_list_for_user(user=personas["officer_other"])) == [forwarded]
    # A body that forwarded more than the inline limit: the sub-query, same rows.
    monkeypatch.setattr(selectors, "FORWARDED_INLINE_MAX", 0)
    sql = str(petition_list_for_user(user=personas["officer_same"]).query).split("WHERE", 1)[1]
    assert '"cases_petition"."id" IN (SELECT' in sql
    assert list(petition_list_for_user(user=personas["officer_same"])) == [forwarded]


def _due(petition: Petition, on: dt.date) -> Petition:
    """Move the running step's due date (test data) and keep the denormalised date in step."""
    StepDeadline.objects.filter(petition=petition).update(due_on=on)
    Petition.objects.filter(pk=petition.pk).update(earliest_due_on=on)
    return petition


def test_most_urgent_first_then_the_newest_without_a_running_step(world, as_persona, submit, head_a):
    later = _due(submit().petition, dt.date(2026, 11, 20))
    overdue = _due(submit().petition, dt.date(2026, 10, 20))
    soon = _due(submit().petition, dt.date(2026, 11, 4))
    old_guided = submit(received_on=dt.date(2026, 10, 1)).petition
    workflow.petition_guide(actor=head_a, petition=old_guided, guidance="Gửi Tòa án.", competent_body="Tòa án")
    new_guided = submit(received_on=dt.date(2026, 10, 30)).petition
    workflow.petition_guide(actor=head_a, petition=new_guided, guidance="Gửi Tòa án.", competent_body="Tòa án")
    expected = [overdue, soon, later, new_guided, old_guided]
    assert _codes(as_persona("officer_same").get("/petitions/inbox/")) == [p.tracking_code for p in expected]
    assert _codes(as_persona("officer_same").get("/petitions/inbox/?due=overdue")) == [overdue.tracking_code]
    assert _codes(as_persona("officer_same").get("/petitions/inbox/?due=due_soon")) == [soon.tracking_code]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("duong", True),
        ("ĐƯỜNG LÀNG", True),
        ("đương lang", True),  # other marks, same letters: found (as ``fold`` compares)
        ("duong  lang", True),
        ("duongl", False),
        ("lang duong", False),
        ("[", False),  # characters of regular expressions are plain text: no 500
        ("(.*)", False),
        ("\\", False),
        ("%", False),
    ],
)
def test_the_text_filter_is_accent_insensitive_and_safe(world, as_persona, submit, query, found):
    petition = submit(subject="Sửa chữa đường làng bị sạt lở").petition
    submit(subject="Khiếu nại thu hồi đất")
    response = as_persona("officer_same").get("/petitions/inbox/", {"q": query})
    assert _codes(response) == ([petition.tracking_code] if found else [])


def test_the_text_filter_finds_part_of_a_tracking_code(world, as_persona, submit):
    petition = submit().petition
    submit()
    part = petition.tracking_code[3:9].lower()
    assert _codes(as_persona("officer_same").get("/petitions/inbox/", {"q": part})) == [petition.tracking_code]


def test_folded_pattern_matches_what_fold_matches():
    pattern = re.compile(folded_pattern("Nguyen Van Duc"))
    for text in ["NGUYỄN VĂN ĐỨC", "nguyễn văn đức", "Nguyễn  Văn Đúc", "nguyên vân duc"]:
        assert pattern.search(text), text
    assert not pattern.search("Nguyen Van Dung")


def test_handler_choices_come_from_the_memberships(world, as_persona, personas, submit, head_a, handler_a):
    idle = make_user("idle_handler", org=world.org_a, role=Role.CASE_HANDLER)  # no petition yet
    make_user("handler_b", org=world.org_b, role=Role.CASE_HANDLER)
    left = make_user("left_handler", org=world.org_a, role=Role.CASE_HANDLER)
    Membership.objects.filter(user=left).update(is_active=False)
    assigned = workflow.petition_assign(actor=head_a, petition=submit().petition, handler=handler_a)
    submit()
    page = as_persona("officer_same").get("/petitions/inbox/").content.decode()
    select = re.search(r'<select name="handler".*?</select>', page, re.S).group(0)
    offered = set(re.findall(r'<option value="(\d+)"', select))
    org_a = (head_a, handler_a, idle, personas["officer_same"], personas["head_same"], personas["handler_same"])
    assert offered == {str(u.pk) for u in org_a}
    response = as_persona("officer_same").get("/petitions/inbox/", {"handler": handler_a.pk})
    assert _codes(response) == [assigned.tracking_code]
    # A handler who is not offered (another organisation's) is refused; the other filters still apply.
    other = make_user("someone_else", org=world.org_b, role=Role.CASE_HANDLER)
    response = as_persona("officer_same").get("/petitions/inbox/", {"handler": other.pk, "kind": "feedback"})
    assert _codes(response) == []  # the kind filter applied: no feedback
    assert 'id="id_handler_error"' in response.content.decode()


def test_commune_choices_are_the_jurisdiction(world, as_persona):
    inspector = as_persona("province_inspector").get("/petitions/inbox/?scope=all").content.decode()
    select = re.search(r'<select name="unit".*?</select>', inspector, re.S).group(0)
    assert set(re.findall(r'<option value="(\d+)"', select)) == {str(world.commune_a.pk), str(world.commune_b.pk)}
    same = as_persona("officer_same").get("/petitions/inbox/").content.decode()
    select = re.search(r'<select name="unit".*?</select>', same, re.S).group(0)
    assert set(re.findall(r'<option value="(\d+)"', select)) == {str(world.commune_a.pk)}


def test_a_large_inbox_says_how_many_at_least(world, as_persona, submit, monkeypatch):
    for _ in range(3):
        submit()
    petition_submit(actor=None, data=petition_data(world, unit=world.commune_b), receiving_organization=world.org_b)
    monkeypatch.setattr(officer, "COUNT_CAP", 2)
    monkeypatch.setattr(officer, "PAGE_SIZE", 1)
    text = as_persona("officer_same").get("/petitions/inbox/").content.decode()
    with translation.override("vi"):
        many = translation.gettext("%(count)s+ petitions, most urgent first.") % {"count": 2}
        pages = translation.gettext("Page %(number)s of %(total)s") % {"number": 1, "total": "2+"}
    assert escape(many) in text
    assert escape(pages) in text
    monkeypatch.setattr(officer, "COUNT_CAP", 10)
    text = as_persona("officer_same").get("/petitions/inbox/").content.decode()
    with translation.override("vi"):
        exact = translation.ngettext(
            "%(counter)s petition, most urgent first.", "%(counter)s petitions, most urgent first.", 3
        ) % {"counter": 3}
    assert escape(exact) in text


def _case_page_queries(client: Client, petition: Petition) -> int:
    client.get(f"/petitions/{petition.pk}/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/petitions/{petition.pk}/").status_code == 200
    return len(queries)


def test_the_case_page_makes_as_many_queries_for_a_long_case_as_for_a_short_one(world, submit, head_a, handler_a):
    client = login_client(Client(), head_a)
    short = submit().petition
    people = [PartyData(full_name=f"Người thứ {n}", phone=f"091234567{n}") for n in range(4)]
    long = submit(parties=people, people_count=4).petition
    for _ in range(3):  # more timeline events
        workflow.petition_assign(actor=head_a, petition=long, handler=handler_a)
        workflow.petition_assign(actor=head_a, petition=long, handler=head_a)
    assert _case_page_queries(client, long) == _case_page_queries(client, short)


def test_a_membership_added_in_the_same_request_widens_the_cached_scope(world, submit, head_a):
    from danvan.accounts.services import membership_add

    petition = submit().petition  # handled by org_a
    officer_b = make_user("officer_b_only", org=world.org_b, role=Role.RECEPTION_OFFICER)
    assert not petition_list_for_user(user=officer_b).filter(pk=petition.pk).exists()
    membership_add(actor=None, organization=world.org_a, user=officer_b, role=Role.RECEPTION_OFFICER)
    assert petition_list_for_user(user=officer_b).filter(pk=petition.pk).exists()
