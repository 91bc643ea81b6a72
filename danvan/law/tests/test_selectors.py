"""The law as data: the version in force on a day, a clear error when none is, lists of grounds, the listing
across every registered rule table, and the history of a code."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.law import registry
from danvan.law.errors import LawErrorCode, RuleNotInForce
from danvan.law.models import LegalFigure, LegalGround, ReceptionDutyRule
from danvan.law.selectors import (
    duty_rule_in_force,
    figure,
    grounds,
    history,
    in_force,
    rules_in_force,
    summary_rows,
)

pytestmark = pytest.mark.django_db
D = dt.date


def test_a_figure_is_the_version_in_force_on_the_day():
    assert figure("reception.crowd_min_people", on=D(2020, 1, 1)) == 5
    assert figure("petition.reopen_window", on=D(2026, 1, 1)) == 30
    assert figure("report.month_start_day", on=D(2026, 1, 1)) == 15
    assert not in_force("reception.online_booking", on=D(2026, 6, 30))
    assert in_force("reception.online_booking", on=D(2026, 7, 1))


def test_nothing_in_force_is_a_clear_error():
    with pytest.raises(RuleNotInForce) as caught:
        figure("dialogue.notice_days", on=D(2026, 6, 30))  # the figure starts on 1 July 2026
    assert caught.value.code == LawErrorCode.NOT_IN_FORCE
    assert "dialogue.notice_days" in str(caught.value.message)
    with pytest.raises(RuleNotInForce):
        grounds("no.such.list", on=D(2026, 1, 1))


def test_the_complaint_refusal_grounds_are_the_nine_of_article_11():
    rows = grounds("complaint.refusal", on=D(2026, 1, 1))
    assert [row.code for row in rows] == [f"kn11_{n}" for n in range(1, 10)]
    assert rows[5].citation == "Luật Khiếu nại 2011, Điều 11 khoản 6"
    assert {row.certainty for row in rows} == {"C"}
    assert [row.code for row in grounds("denunciation.refusal", on=D(2026, 1, 1))] == [
        "tc29_a",
        "tc29_b",
        "tc29_c",
        "tc29_d",
        "tc29_complaint",
    ]


def test_the_reception_refusal_grounds_change_on_1_july_2026():
    assert grounds("reception.refusal", on=D(2026, 6, 30)).count() == 4
    assert grounds("reception.refusal", on=D(2026, 7, 1)).count() == 14


def test_a_new_duty_version_applies_from_its_date_only():
    ReceptionDutyRule.objects.filter(position="commune_chairman", effective_to__isnull=True).update(
        effective_to=D(2027, 1, 1)
    )
    ReceptionDutyRule.objects.create(
        position="commune_chairman",
        days_required=3,
        period="month",
        effective_from=D(2027, 1, 1),
        citation="Văn bản thử nghiệm",
    )
    assert duty_rule_in_force(position="commune_chairman", day=D(2026, 6, 30)).days_required == 1
    assert duty_rule_in_force(position="commune_chairman", day=D(2026, 12, 31)).days_required == 2
    assert duty_rule_in_force(position="commune_chairman", day=D(2027, 1, 1)).days_required == 3


def test_the_listing_reads_every_registered_table_and_searches_without_accents():
    day = D(2026, 7, 1)
    codes = {row.code for row in rules_in_force(on=day).rows}
    # the law app's own rows, the calendar's time limits, routing's competence rules, the report periods
    assert {"reception.crowd_min_people", "complaint.first.resolve", "routing.kn-lan-hai", "report.period.q1"} <= codes
    found = rules_in_force(on=day, query="DONG NGUOI").rows  # "đông người" in the note of the crowd size
    assert [row.code for row in found] == ["reception.crowd_min_people"]
    assert rules_in_force(on=day, query="khong co chu ky").rows[0].code == "complaint.refusal.kn11_5"


def test_the_changes_of_1_july_2026_are_marked():
    before, after = rules_in_force(on=D(2026, 6, 30)), rules_in_force(on=D(2026, 7, 1))
    assert before.changed == set()
    assert {
        "complaint.accept",
        "dialogue.notice_days",
        "reception.refusal",
        "reception.online_booking",
    } <= after.changed
    lines = {line.code: line for line in summary_rows(after)}
    assert lines["reception.refusal"].value == "14 căn cứ"
    assert lines["reception.refusal"].certainty == "S"  # the decree's grounds were read in a secondary copy


def test_the_history_of_a_code_lists_its_versions():
    LegalFigure.objects.create(
        code="petition.reopen_window",
        value=45,
        unit="days",
        effective_from=D(2027, 1, 1),
        citation="Văn bản thử nghiệm",
    )
    assert [(row.value, row.effective_from) for row in history("petition.reopen_window")] == [
        ("30 ngày", D(2012, 7, 1)),
        ("45 ngày", D(2027, 1, 1)),
    ]
    assert len(history("complaint.refusal")) == 9


def test_a_source_registers_once():
    before = len(registry._SOURCES)
    registry.register(registry._SOURCES[0])
    assert len(registry._SOURCES) == before


def test_a_ground_no_longer_in_force_keeps_its_name():
    LegalGround.objects.create(
        list_code="complaint.refusal",
        code="kn11_x",
        name="Căn cứ đã bãi bỏ",
        name_en="A repealed ground",
        effective_from=D(2013, 1, 1),
        effective_to=D(2014, 1, 1),
        citation="Văn bản thử nghiệm",
    )
    from danvan.law.selectors import ground_label

    assert ground_label("kn11_x", language="vi") == "Căn cứ đã bãi bỏ"
    assert "kn11_x" not in [row.code for row in grounds("complaint.refusal", on=D(2026, 1, 1))]
