"""Dialogue: notice at least 5 days before (the rule in force), minutes with opinions and signatures, the result
on the petition, the minutes as a Decree 30 DOCX read back."""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from docx import Document

from danvan.audit.models import AuditEvent
from danvan.cases.models import CaseEvent, Status
from danvan.core.errors import DomainError
from danvan.documents.checks import assert_decree30_format
from danvan.reception.law import dialogue_notice_rule
from danvan.reception.models import Dialogue, DialogueParticipant, DialogueStatus
from danvan.reception.services.dialogue import (
    MinutesEntry,
    ParticipantData,
    dialogue_minutes_docx,
    dialogue_record_minutes,
    dialogue_record_notice,
    dialogue_schedule,
)
from danvan.reception.tests.conftest import submit, to_verification

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def travel(day: dt.date):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, 9, 0, tzinfo=VN), tick=False)


@pytest.fixture
def petition(world, head_a, handler_a):
    with travel(dt.date(2026, 11, 2)):
        return to_verification(submit(world, received_on=dt.date(2026, 10, 20)), head_a, handler_a)


PARTIES = [
    ParticipantData("complainant", "Nguyễn Văn An"),
    ParticipantData("respondent", "Đặng Văn Phúc", "Công chức địa chính – xây dựng"),
]


def _schedule(petition, head_a, handler_a, **overrides):
    values = {
        "actor": handler_a,
        "petition": petition,
        "held_on": dt.date(2026, 11, 16),
        "start_time": dt.time(9),
        "place": "Hội trường UBND phường Tân Phong",
        "content": "Đối thoại về Quyết định số 15/QĐ-UBND thu hồi đất",
        "chair": head_a,
        "participants": list(PARTIES),
    }
    values.update(overrides)
    return dialogue_schedule(**values)


def test_the_notice_rule_is_data_with_its_citation(db):
    rule = dialogue_notice_rule(notice_on=dt.date(2026, 11, 10))
    assert (rule.days, rule.citation) == (
        5,
        "Nghị định 155/2026/NĐ-CP, Điều 11 (Điều 28 mới của Nghị định 124/2020/NĐ-CP)",
    )


def test_a_notice_shorter_than_5_days_is_refused_and_nothing_saved(petition, head_a, handler_a):
    with travel(dt.date(2026, 11, 12)):
        with pytest.raises(DomainError) as caught:
            _schedule(petition, head_a, handler_a, notice_sent_on=dt.date(2026, 11, 12))
        assert caught.value.code == "dialogue_notice_too_short"
        assert "5" in str(caught.value.message)
        assert "12/11/2026" in str(caught.value.message)
        assert Dialogue.objects.count() == DialogueParticipant.objects.count() == 0
        dialogue = _schedule(petition, head_a, handler_a)
        with pytest.raises(DomainError) as caught:
            dialogue_record_notice(actor=handler_a, dialogue=dialogue, sent_on=dt.date(2026, 11, 12), method="Giấy mời")
        assert caught.value.code == "dialogue_notice_too_short"
        dialogue.refresh_from_db()
        assert (dialogue.status, dialogue.notice_sent_on) == (DialogueStatus.SCHEDULED, None)


def test_only_a_complaint_under_verification_gets_a_dialogue(world, head_a, handler_a):
    with travel(dt.date(2026, 11, 2)):
        feedback = submit(world, kind="feedback", complaint_round=None)
        with pytest.raises(DomainError) as caught:
            _schedule(feedback, head_a, handler_a)
        assert caught.value.code == "dialogue_not_a_complaint"
        fresh = submit(world)
        with pytest.raises(DomainError) as caught:
            _schedule(fresh, head_a, handler_a)
        assert caught.value.code == "dialogue_state"


def test_minutes_record_opinions_signatures_and_the_result_on_the_petition(petition, head_a, handler_a):
    with travel(dt.date(2026, 11, 10)):
        dialogue = _schedule(petition, head_a, handler_a)
        dialogue_record_notice(actor=handler_a, dialogue=dialogue, sent_on=dt.date(2026, 11, 10), method="Giấy mời")
        with pytest.raises(DomainError) as caught:
            dialogue_record_minutes(actor=handler_a, dialogue=dialogue, entries=[], result="Chưa thống nhất.")
        assert caught.value.code == "dialogue_in_future"
    chair, complainant, respondent = dialogue.participants.order_by("position")
    assert [p.notified_on for p in (chair, complainant, respondent)] == [
        None,
        dt.date(2026, 11, 10),
        dt.date(2026, 11, 10),
    ]
    entries = [
        MinutesEntry(chair.pk, "signed", "Đề nghị các bên trình bày."),
        MinutesEntry(complainant.pk, "refused", "Giữ nguyên yêu cầu bồi thường theo giá thị trường."),
        MinutesEntry(respondent.pk, "signed", "Việc thu hồi đúng quy định."),
    ]
    with travel(dt.date(2026, 11, 16)):
        with pytest.raises(DomainError) as caught:
            dialogue_record_minutes(actor=handler_a, dialogue=dialogue, entries=entries, result="Chưa thống nhất.")
        assert caught.value.code == "invalid"
        assert f"refusal_reason_{complainant.pk}" in caught.value.extra["fields"]
        entries[1].refusal_reason = "Không đồng ý với kết quả xác minh"
        dialogue = dialogue_record_minutes(
            actor=handler_a, dialogue=dialogue, entries=entries, result="Hai bên chưa thống nhất; tiếp tục xác minh."
        )
    assert (dialogue.status, dialogue.minutes_number) == (DialogueStatus.HELD, "01/BB-UBND")
    petition.refresh_from_db()
    assert petition.status == Status.DIALOGUE
    event = CaseEvent.objects.get(petition=petition, action="dialogue_held")
    assert event.data == {"notified_on": "2026-11-10", "held_on": "2026-11-16"}
    assert "Hai bên chưa thống nhất" in event.reason
    assert AuditEvent.objects.filter(action="reception.dialogue_minutes_recorded").count() == 1

    content = dialogue_minutes_docx(dialogue=dialogue)
    assert assert_decree30_format(content) == []
    text = "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
    assert "BIÊN BẢN" in text
    assert "Số: 01/BB-UBND" in "\n".join(
        c.text for t in Document(io.BytesIO(content)).tables for row in t.rows for c in row.cells
    )
    assert "Vào hồi 09 giờ 00 ngày 16 tháng 11 năm 2026, tại Hội trường UBND phường Tân Phong" in text
    assert "- Người khiếu nại Nguyễn Văn An: Giữ nguyên yêu cầu bồi thường theo giá thị trường." in text
    assert "- Người bị khiếu nại Đặng Văn Phúc: Việc thu hồi đúng quy định." in text
    assert "- Nguyễn Văn An (người khiếu nại): từ chối ký, lý do: Không đồng ý với kết quả xác minh." in text
    assert "- Đặng Văn Phúc (người bị khiếu nại): đã ký." in text
    assert "Biên bản được lập thành 03 bản" in text
    assert "Hai bên chưa thống nhất; tiếp tục xác minh." in text
    assert text.rstrip().endswith("./.")


def test_the_dialogue_pages(petition, head_a, handler_a, client):
    from danvan.testing import login_client

    login_client(client, handler_a)
    with travel(dt.date(2026, 11, 10)):
        page = client.get(f"/reception/dialogues/add/?petition={petition.tracking_code}")
        assert page.status_code == 200
        initial = page.context["formset"].initial
        assert initial == [
            {"role": "complainant", "full_name": "Nguyễn Văn An"},
            {"role": "respondent", "full_name": "Chủ tịch UBND phường Tân Phong"},
        ]
        data = {
            "tracking_code": petition.tracking_code,
            "held_on": "2026-11-13",
            "start_time": "09:00",
            "place": "Hội trường",
            "content": "Đối thoại",
            "chair": head_a.pk,
            "notice_sent_on": "2026-11-10",
            "notice_method": "Giấy mời",
            "p-TOTAL_FORMS": 1,
            "p-INITIAL_FORMS": 0,
            "p-0-role": "complainant",
            "p-0-full_name": "Nguyễn Văn An",
        }
        short = client.post("/reception/dialogues/add/", data)
        assert short.status_code == 400
        assert "10/11/2026" in short.content.decode()
        assert "13/11/2026" in short.content.decode()
        assert Dialogue.objects.count() == 0
        ok = client.post("/reception/dialogues/add/", data | {"held_on": "2026-11-16"})
        dialogue = Dialogue.objects.get()
        assert ok.status_code == 302
        assert ok["Location"] == f"/reception/dialogues/{dialogue.pk}/"
