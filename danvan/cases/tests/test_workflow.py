import datetime as dt

import pytest
import time_machine
from django.utils import translation

from danvan.audit.models import AuditEvent
from danvan.cases.models import CaseEvent, Forwarding, Petition, Status, StepDeadline
from danvan.cases.selectors import petition_list_for_user
from danvan.cases.services import citizen, links, workflow
from danvan.cases.services.common import set_status
from danvan.core.errors import DomainError
from danvan.law.models import LegalFigure


def _due(petition, step):
    return StepDeadline.objects.get(petition=petition, step=step).due_on


@time_machine.travel(dt.datetime(2026, 11, 2, 9, 0), tick=False)
def test_complaint_from_receipt_to_rating(world, submit, head_a, handler_a):
    petition = submit().petition
    petition = workflow.petition_classify(actor=head_a, petition=petition, eligible=True, within_competence=True)
    petition = workflow.petition_accept(actor=head_a, petition=petition)
    assert petition.status == Status.ACCEPTED
    assert StepDeadline.objects.get(petition=petition, step="accept").completed_on == dt.date(2026, 11, 2)
    # complaint.first.resolve: 30 days from acceptance (2 Nov) → Wed 2 Dec 2026.
    assert _due(petition, "resolve") == dt.date(2026, 12, 2)
    petition = workflow.petition_start_verification(
        actor=head_a, petition=petition, handler=handler_a, complexity="complex", criteria=["many_places"]
    )
    # Complex: 45 days → Thu 17 Dec 2026.
    assert _due(petition, "resolve") == dt.date(2026, 12, 17)
    petition = workflow.petition_record_dialogue(
        actor=handler_a,
        petition=petition,
        notified_on=dt.date(2026, 11, 10),
        held_on=dt.date(2026, 11, 16),
        minutes="Hai bên trình bày ý kiến; chưa thống nhất.",
    )
    petition = workflow.petition_conclude(
        actor=head_a, petition=petition, outcome="partly_right", answer="Khiếu nại đúng một phần."
    )
    assert petition.status == Status.CONCLUDED
    assert StepDeadline.objects.get(petition=petition, step="send_decision").rule_code == "complaint.decision.send"
    petition = workflow.petition_close(actor=head_a, petition=petition)
    petition = citizen.petition_rate(petition=petition, rating=4, comment="Cán bộ nhiệt tình")
    assert (petition.rating, petition.status) == (4, Status.CLOSED)
    actions = list(CaseEvent.objects.filter(petition=petition).values_list("action", flat=True))
    assert actions == [
        "received",
        "classified",
        "accepted",
        "verification_started",
        "dialogue_held",
        "concluded",
        "closed",
        "rated",
    ]
    assert AuditEvent.objects.filter(target_id=str(petition.pk), action__startswith="petition.").count() == 8


def test_transition_not_allowed_changes_nothing(world, submit, head_a):
    petition = submit().petition
    with pytest.raises(DomainError) as caught:
        workflow.petition_accept(actor=head_a, petition=petition)
    assert (caught.value.code, caught.value.status) == ("transition_not_allowed", 409)
    petition.refresh_from_db()
    assert petition.status == Status.RECEIVED
    assert CaseEvent.objects.filter(petition=petition).count() == 1


def test_ineligible_or_incompetent_cannot_be_accepted(world, submit, head_a):
    petition = submit().petition
    workflow.petition_classify(actor=head_a, petition=petition, eligible=False, within_competence=True)
    with pytest.raises(DomainError) as caught:
        workflow.petition_accept(actor=head_a, petition=petition)
    assert caught.value.code == "not_eligible"
    workflow.petition_classify(actor=head_a, petition=petition, eligible=True, within_competence=False)
    with pytest.raises(DomainError) as caught:
        workflow.petition_accept(actor=head_a, petition=petition)
    assert caught.value.code == "not_competent"


def test_anonymous_denunciation_becomes_an_inspection_lead(world, submit, head_a):
    petition = submit(kind="denunciation", complaint_round=None, is_anonymous=True, parties=[]).petition
    workflow.petition_classify(actor=head_a, petition=petition, eligible=True, within_competence=True)
    with pytest.raises(DomainError) as caught:
        workflow.petition_accept(actor=head_a, petition=petition)
    assert caught.value.code == "anonymous_denunciation"
    petition = workflow.petition_mark_inspection_lead(actor=head_a, petition=petition, reason="Nội dung cụ thể")
    assert petition.status == Status.INSPECTION_LEAD


@time_machine.travel(dt.datetime(2026, 11, 2, 9, 0), tick=False)
def test_denunciation_extensions_at_most_twice(world, submit, head_a):
    petition = submit(kind="denunciation", complaint_round=None).petition
    workflow.petition_classify(actor=head_a, petition=petition, eligible=True, within_competence=True)
    workflow.petition_accept(actor=head_a, petition=petition)
    # denunciation.resolve: 30 days from 2 Nov → Wed 2 Dec; +30 → Fri 1 Jan 2027 is a holiday → Mon 4 Jan 2027.
    assert _due(petition, "resolve") == dt.date(2026, 12, 2)
    workflow.petition_extend(actor=head_a, petition=petition, reason="Vụ việc phức tạp")
    assert _due(petition, "resolve") == dt.date(2027, 1, 4)
    workflow.petition_extend(actor=head_a, petition=petition, reason="Đặc biệt phức tạp")
    # +60 → Sun 31 Jan 2027 → Mon 1 Feb 2027.
    assert _due(petition, "resolve") == dt.date(2027, 2, 1)
    with pytest.raises(DomainError) as caught:
        workflow.petition_extend(actor=head_a, petition=petition, reason="Lần ba")
    assert caught.value.code == "too_many_extensions"
    assert Petition.objects.get(pk=petition.pk).extensions == 2


def test_forwarding_between_two_organisations(world, submit, personas, head_a, head_b):
    petition = submit().petition
    assert not petition_list_for_user(user=personas["officer_other"]).filter(pk=petition.pk).exists()
    petition = workflow.petition_forward(
        actor=head_a, petition=petition, to_organization=world.org_b, reason="Thuộc thẩm quyền xã Phong Thổ"
    )
    assert (petition.status, petition.handling_organization) == (Status.FORWARDED, world.org_b)
    # The competent organisation now sees it; the sender keeps sight of what it forwarded.
    assert petition_list_for_user(user=personas["officer_other"]).filter(pk=petition.pk).exists()
    assert petition_list_for_user(user=personas["officer_same"]).filter(pk=petition.pk).exists()
    assert not petition_list_for_user(user=personas["citizen"]).filter(pk=petition.pk).exists()
    petition = workflow.petition_acknowledge(actor=head_b, petition=petition)
    assert petition.status == Status.RECEIVED
    forwarding = Forwarding.objects.get(petition=petition)
    assert (forwarding.acknowledged_by, forwarding.to_organization) == (head_b, world.org_b)
    with pytest.raises(DomainError):
        workflow.petition_forward(actor=head_b, petition=petition, to_organization=world.org_b)


def test_suspension_stops_the_clock(world, submit, head_a):
    with time_machine.travel(dt.datetime(2026, 11, 2, 9, 0), tick=False):
        petition = submit().petition
        workflow.petition_classify(actor=head_a, petition=petition, eligible=True, within_competence=True)
        workflow.petition_accept(actor=head_a, petition=petition)
        workflow.petition_suspend(actor=head_a, petition=petition, reason="Chờ kết quả giám định")
    assert Petition.objects.get(pk=petition.pk).status == Status.SUSPENDED
    with time_machine.travel(dt.datetime(2026, 11, 12, 9, 0), tick=False):
        petition = workflow.petition_resume(actor=head_a, petition=petition, reason="Đã có kết quả")
    # 10 days suspended: the 30-day limit now runs from 12 Nov → Sat 12 Dec 2026 → Mon 14 Dec 2026.
    assert petition.status == Status.ACCEPTED
    assert _due(petition, "resolve") == dt.date(2026, 12, 14)


def test_duplicates_point_to_one_handling_case(world, submit, head_a):
    first = submit().petition
    copy = submit().petition
    copy = links.petition_mark_duplicate(actor=head_a, petition=copy, canonical=first)
    assert (copy.status, copy.canonical) == (Status.DUPLICATE, first)
    attached = first.events.get(action="duplicate_attached")  # the case's officers see the copy arrive
    assert attached.data == {"duplicate": copy.tracking_code}
    assert (attached.citizen_visible, attached.actor) == (False, head_a)
    with pytest.raises(DomainError):
        links.petition_mark_duplicate(actor=head_a, petition=first, canonical=copy)


def test_split_a_mixed_petition(world, submit, head_a):
    mixed = submit().petition
    parts = links.petition_split(
        actor=head_a,
        petition=mixed,
        parts=[
            links.SplitPart(
                kind="complaint", subject="Khiếu nại thu hồi đất", content="Phần khiếu nại về thu hồi đất."
            ),
            links.SplitPart(
                kind="denunciation", subject="Tố cáo cán bộ địa chính", content="Phần tố cáo cán bộ nhận tiền."
            ),
        ],
    )
    assert [p.kind for p in parts] == ["complaint", "denunciation"]
    assert all(p.split_from_id == mixed.pk and p.secret_hash == mixed.secret_hash for p in parts)
    assert Petition.objects.get(pk=mixed.pk).status == Status.SPLIT


def test_reopen_within_30_days_only(world, submit, head_a):
    with time_machine.travel(dt.datetime(2026, 11, 2, 9, 0), tick=False):
        petition = submit(kind="feedback", complaint_round=None).petition
        workflow.petition_classify(actor=head_a, petition=petition, eligible=True, within_competence=True)
        workflow.petition_accept(actor=head_a, petition=petition)
        workflow.petition_conclude(actor=head_a, petition=petition, outcome="answered", answer="Đã sửa đèn đường.")
        workflow.petition_close(actor=head_a, petition=petition)
    with pytest.raises(DomainError) as caught:
        citizen.petition_reopen(petition=petition, reason="Chưa sửa", on=dt.date(2026, 12, 3))
    assert caught.value.code == "reopen_too_late"
    petition = citizen.petition_reopen(petition=petition, reason="Đèn vẫn hỏng", on=dt.date(2026, 11, 20))
    assert petition.status == Status.VERIFICATION


def test_dates_in_the_future_are_refused(world, submit, head_a):
    petition = submit().petition
    workflow.petition_classify(actor=head_a, petition=petition, eligible=True, within_competence=True)
    with pytest.raises(DomainError) as caught:
        workflow.petition_accept(actor=head_a, petition=petition, on=dt.date.today() + dt.timedelta(days=3))
    assert "on" in caught.value.extra["fields"]
    assert Petition.objects.get(pk=petition.pk).status == Status.CLASSIFIED


def _in_verification(submit, head_a, handler_a):
    petition = workflow.petition_classify(
        actor=head_a, petition=submit().petition, eligible=True, within_competence=True
    )
    petition = workflow.petition_accept(actor=head_a, petition=petition)
    return workflow.petition_start_verification(actor=head_a, petition=petition, handler=handler_a)


@time_machine.travel(dt.datetime(2026, 11, 20, 9, 0), tick=False)
def test_the_dialogue_notice_comes_from_the_rule_in_force_with_its_citation(world, submit, head_a, handler_a):
    petition = _in_verification(submit, head_a, handler_a)
    before = (CaseEvent.objects.count(), AuditEvent.objects.count())
    with translation.override("en"), pytest.raises(DomainError) as caught:
        workflow.petition_record_dialogue(
            actor=handler_a,
            petition=petition,
            notified_on=dt.date(2026, 11, 10),
            held_on=dt.date(2026, 11, 14),  # 4 days: the rule in force says 5
            minutes="Hai bên trình bày ý kiến.",
        )
    assert caught.value.code == "dialogue_notice_too_short"
    message = str(caught.value.message)
    assert "at least 5 days" in message
    assert "Nghị định 155/2026/NĐ-CP" in message
    assert "notice on 10/11/2026, dialogue on 14/11/2026" in message
    assert (CaseEvent.objects.count(), AuditEvent.objects.count()) == before
    workflow.petition_record_dialogue(
        actor=handler_a,
        petition=petition,
        notified_on=dt.date(2026, 11, 10),
        held_on=dt.date(2026, 11, 15),
        minutes="Hai bên trình bày ý kiến.",
    )


@time_machine.travel(dt.datetime(2026, 11, 20, 9, 0), tick=False)
def test_a_new_version_of_the_notice_rule_changes_the_figure(world, submit, head_a, handler_a):
    LegalFigure.objects.create(
        code="dialogue.notice_days", value=7, effective_from=dt.date(2026, 11, 1), citation="Văn bản thử nghiệm"
    )
    petition = _in_verification(submit, head_a, handler_a)
    with pytest.raises(DomainError) as caught:
        workflow.petition_record_dialogue(
            actor=handler_a,
            petition=petition,
            notified_on=dt.date(2026, 11, 10),
            held_on=dt.date(2026, 11, 16),
            minutes="Biên bản.",
        )
    assert "Văn bản thử nghiệm" in str(caught.value.message)
    # Notified before the new version: the earlier rule (5 days) applies.
    workflow.petition_record_dialogue(
        actor=handler_a,
        petition=petition,
        notified_on=dt.date(2026, 10, 26),
        held_on=dt.date(2026, 10, 31),
        minutes="Biên bản.",
    )


@time_machine.travel(dt.datetime(2026, 11, 20, 9, 0), tick=False)
def test_ended_on_is_the_day_it_ended_without_a_resolution(world, submit, head_a, handler_a):
    day = dt.date(2026, 11, 20)
    guided = workflow.petition_guide(
        actor=head_a, petition=submit().petition, guidance="Gửi Tòa án.", competent_body="Tòa án"
    )
    archived = workflow.petition_archive(actor=head_a, petition=submit().petition, ground="kn11_6")
    withdrawn = workflow.petition_withdraw(actor=None, petition=submit().petition, full=True, content="Rút")
    first = submit().petition
    copy = links.petition_mark_duplicate(actor=head_a, petition=submit().petition, canonical=first)
    lead = submit(kind="denunciation", complaint_round=None, is_anonymous=True, parties=[]).petition
    lead = workflow.petition_mark_inspection_lead(actor=head_a, petition=lead)
    mixed = submit().petition
    links.petition_split(
        actor=head_a,
        petition=mixed,
        parts=[
            links.SplitPart(kind="complaint", subject="Khiếu nại", content="Phần khiếu nại về thu hồi đất."),
            links.SplitPart(kind="feedback", subject="Phản ánh", content="Phần phản ánh về đường sá."),
        ],
    )
    for petition in (guided, archived, withdrawn, copy, lead, mixed):
        assert Petition.objects.get(pk=petition.pk).ended_on == day, petition.status
    # Open, forwarded, concluded or closed: no such day (a resolution has its own dates).
    partly = workflow.petition_withdraw(actor=None, petition=submit().petition, full=False, content="Một phần")
    forwarded = workflow.petition_forward(actor=head_a, petition=submit().petition, to_organization=world.org_b)
    closed = _in_verification(submit, head_a, handler_a)
    workflow.petition_conclude(actor=head_a, petition=closed, outcome="right", answer="Khiếu nại đúng.")
    closed = workflow.petition_close(actor=head_a, petition=closed)
    for petition in (first, partly, forwarded, closed):
        assert Petition.objects.get(pk=petition.pk).ended_on is None, petition.status


def test_leaving_an_ending_status_clears_ended_on(world, submit, head_a):
    with time_machine.travel(dt.datetime(2026, 11, 20, 9, 0), tick=False):
        copy = links.petition_mark_duplicate(actor=head_a, petition=submit().petition, canonical=submit().petition)
    assert copy.ended_on == dt.date(2026, 11, 20)
    # No service takes a petition out of these statuses today; set_status is where every change goes.
    with time_machine.travel(dt.datetime(2026, 11, 25, 9, 0), tick=False):
        copy.canonical = None
        assert set_status(copy, Status.RECEIVED, "canonical") == Status.DUPLICATE
        assert Petition.objects.get(pk=copy.pk).ended_on is None
        set_status(copy, Status.ARCHIVED)
        assert Petition.objects.get(pk=copy.pk).ended_on == dt.date(2026, 11, 25)
