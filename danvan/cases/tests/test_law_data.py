"""Petitions read their legal figures and lists from the law app: a new dated row changes the behaviour from its
date only, with no code change (reopen window, archive grounds), and a second-round complaint decision is sent
within the limit of art. 41, not the first round's of art. 32."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from danvan.cases.models import StepDeadline
from danvan.cases.services import citizen, workflow
from danvan.core.errors import DomainError
from danvan.law.models import LegalFigure, LegalGround

pytestmark = pytest.mark.django_db
D = dt.date


def at(day: dt.date):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, 9, 0), tick=False)


def _closed(submit, head_a, *, on: dt.date, **overrides):
    with at(on):
        petition = submit(received_on=on, **overrides).petition
        petition = workflow.petition_classify(actor=head_a, petition=petition, eligible=True, within_competence=True)
        petition = workflow.petition_accept(actor=head_a, petition=petition)
        petition = workflow.petition_conclude(
            actor=head_a, petition=petition, outcome="wrong", answer="Không có cơ sở."
        )
        return workflow.petition_close(actor=head_a, petition=petition)


def _new_reopen_window(days: int, start: dt.date) -> None:
    LegalFigure.objects.filter(code="petition.reopen_window").update(effective_to=start)
    LegalFigure.objects.create(
        code="petition.reopen_window", value=days, unit="days", effective_from=start, citation="Văn bản thử nghiệm"
    )


def test_the_reopen_window_is_the_figure_in_force_on_the_closing_day(world, submit, head_a):
    _new_reopen_window(45, D(2027, 1, 1))
    before = _closed(submit, head_a, on=D(2026, 12, 1))
    after = _closed(submit, head_a, on=D(2027, 1, 4))
    with at(D(2027, 1, 10)), pytest.raises(DomainError) as caught:  # 40 days after closing: 30 applied
        citizen.petition_reopen(petition=before, reason="Chưa được giải quyết")
    assert caught.value.code == "reopen_too_late"
    assert "30" in str(caught.value.message)
    with at(D(2027, 2, 13)):  # 40 days after closing under the new version: within 45
        reopened = citizen.petition_reopen(petition=after, reason="Chưa được giải quyết")
    assert reopened.closed_on is None


def test_a_new_archive_ground_applies_from_its_date_only(world, submit, head_a):
    LegalGround.objects.create(
        list_code="complaint.refusal",
        code="kn11_10",
        name="Điều 11 khoản 10: căn cứ thử nghiệm",
        name_en="Art. 11(10): a test ground",
        effective_from=D(2027, 1, 1),
        citation="Văn bản thử nghiệm",
        position=10,
    )
    with at(D(2026, 12, 31)):
        petition = submit(received_on=D(2026, 12, 31)).petition
        with pytest.raises(DomainError) as caught:
            workflow.petition_archive(actor=head_a, petition=petition, ground="kn11_10")
        assert caught.value.code == "invalid"
    with at(D(2027, 1, 1)):
        archived = workflow.petition_archive(actor=head_a, petition=petition, ground="kn11_10")
    assert archived.status == "archived"


def test_a_ground_that_ends_can_no_longer_be_chosen(world, submit, head_a):
    LegalGround.objects.filter(code="tt05_guided").update(effective_to=D(2027, 1, 1))
    with at(D(2027, 1, 1)):
        petition = submit(received_on=D(2027, 1, 1)).petition
        with pytest.raises(DomainError):
            workflow.petition_archive(actor=head_a, petition=petition, ground="tt05_guided")


def test_a_second_round_decision_is_sent_within_the_limit_of_article_41(world, submit, head_a):
    first = _closed(submit, head_a, on=D(2026, 11, 2))
    second = _closed(submit, head_a, on=D(2026, 11, 2), complaint_round=2)
    steps = StepDeadline.objects.filter(step="send_decision")
    assert steps.get(petition=first).rule_code == "complaint.decision.send"
    sent = steps.get(petition=second)
    assert sent.rule_code == "complaint.second.decision.send"
    assert sent.citation == "Luật Khiếu nại 2011, Điều 41 khoản 1"
    assert sent.due_on == D(2026, 11, 9)  # 07 days (art. 41(1)) from Mon 2 Nov 2026


def test_a_complaint_received_after_the_90_days_shows_it_is_out_of_time(world, submit, head_a, client):
    from danvan.cases.filing import filing_late
    from danvan.testing import login_client

    with at(D(2026, 11, 2)):
        in_time = submit(decision_date=D(2026, 9, 1)).petition  # 62 days after the decision
        late = submit(decision_date=D(2026, 7, 1)).petition  # 124 days after
        page = login_client(client, head_a).get(f"/petitions/{late.pk}/").content.decode()
    assert filing_late(in_time) is None
    found = filing_late(late)
    assert found is not None
    assert (found.due, found.citation, found.ground) == (D(2026, 9, 29), "Luật Khiếu nại 2011, Điều 9", "kn11_6")
    assert "29/09/2026" in page
    assert "Luật Khiếu nại 2011, Điều 9" in page


def test_a_denunciation_outside_competence_must_be_forwarded_within_the_limit(world, submit, head_a):
    with at(D(2026, 11, 2)):
        petition = submit(kind="denunciation", complaint_round=None).petition
        workflow.petition_classify(actor=head_a, petition=petition, eligible=True, within_competence=False)
    step = StepDeadline.objects.get(petition=petition, step="forward")
    assert (step.rule_code, step.starts_on, step.due_on) == ("denunciation.forward", D(2026, 11, 2), D(2026, 11, 9))
    assert step.citation == "Luật Tố cáo 2018, Điều 24 khoản 2"
    with at(D(2026, 11, 3)):
        workflow.petition_classify(actor=head_a, petition=petition, eligible=True, within_competence=True)
    step.refresh_from_db()
    assert step.completed_on == D(2026, 11, 3)
