"""``Petition.earliest_due_on`` (the inbox's urgency) always equals a fresh computation from the running
steps: checked after every workflow transition, and for the migration that fills it."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
import time_machine
from django.db import connection

from danvan.cases.deadlines import earliest_due_mismatches
from danvan.cases.models import Petition, Status, StepDeadline
from danvan.cases.services import citizen, links, workflow

NOW = dt.datetime(2026, 11, 2, 9, 0)
fill = importlib.import_module("danvan.cases.migrations.0003_petition_next_due_on")


def fresh(petition: Petition) -> dt.date | None:
    running = StepDeadline.objects.filter(petition=petition, completed_on__isnull=True, paused_on__isnull=True)
    return min(running.values_list("due_on", flat=True), default=None)


def consistent(petition: Petition) -> dt.date | None:
    """The invariant, for every petition in the database, and for the instance the service returned."""
    assert list(earliest_due_mismatches().values_list("tracking_code", flat=True)) == []
    stored = Petition.objects.values_list("earliest_due_on", flat=True).get(pk=petition.pk)
    assert petition.earliest_due_on == stored == fresh(petition)
    return stored


@time_machine.travel(NOW, tick=False)
def test_a_complaint_through_every_step(world, submit, head_a, handler_a):
    petition = submit().petition
    # complaint.accept: 7 working days from receipt (Mon 2 Nov) → Wed 11 Nov 2026.
    assert consistent(petition) == dt.date(2026, 11, 11)
    petition = workflow.petition_classify(actor=head_a, petition=petition, eligible=True, within_competence=True)
    assert consistent(petition) == dt.date(2026, 11, 11)
    petition = workflow.petition_accept(actor=head_a, petition=petition)
    assert consistent(petition) == dt.date(2026, 12, 2)  # the resolution clock replaces the acceptance step
    petition = workflow.petition_start_verification(
        actor=head_a, petition=petition, handler=handler_a, complexity="complex"
    )
    assert consistent(petition) == dt.date(2026, 12, 17)
    petition = workflow.petition_assign(actor=head_a, petition=petition, handler=head_a)
    assert consistent(petition) == dt.date(2026, 12, 17)
    petition = workflow.petition_suspend(actor=head_a, petition=petition, reason="Chờ giám định")
    assert consistent(petition) is None  # suspended: no clock runs
    with time_machine.travel(dt.datetime(2026, 11, 12, 9, 0), tick=False):
        petition = workflow.petition_resume(actor=head_a, petition=petition, reason="Đã có kết quả")
        resumed = consistent(petition)
        assert resumed == StepDeadline.objects.get(petition=petition, step="resolve").due_on
        assert resumed is not None
        assert resumed > dt.date(2026, 12, 17)  # the days of the suspension do not count
        petition = workflow.petition_record_dialogue(
            actor=handler_a,
            petition=petition,
            notified_on=dt.date(2026, 11, 3),
            held_on=dt.date(2026, 11, 10),
            minutes="Hai bên trình bày ý kiến.",
        )
        consistent(petition)
        petition = workflow.petition_withdraw(actor=None, petition=petition, full=False, content="Rút một phần")
        consistent(petition)
        petition = workflow.petition_conclude(
            actor=head_a, petition=petition, outcome="partly_right", answer="Khiếu nại đúng một phần."
        )
        assert consistent(petition) == StepDeadline.objects.get(petition=petition, step="send_decision").due_on
        petition = workflow.petition_close(actor=head_a, petition=petition)
        assert consistent(petition) is None
        petition = citizen.petition_rate(petition=petition, rating=4)
        consistent(petition)
        petition = citizen.petition_reopen(petition=petition, reason="Chưa giải quyết xong")
        assert petition.status == Status.VERIFICATION
        assert consistent(petition) is not None
        petition = workflow.petition_withdraw(actor=None, petition=petition, full=True, content="Rút toàn bộ")
        assert consistent(petition) is None


@time_machine.travel(NOW, tick=False)
def test_a_denunciation_extended_twice(world, submit, head_a):
    petition = submit(kind="denunciation", complaint_round=None).petition
    consistent(petition)
    workflow.petition_classify(actor=head_a, petition=petition, eligible=True, within_competence=True)
    petition = workflow.petition_accept(actor=head_a, petition=petition)
    assert consistent(petition) == dt.date(2026, 12, 2)
    petition = workflow.petition_extend(actor=head_a, petition=petition, reason="Vụ việc phức tạp")
    assert consistent(petition) == dt.date(2027, 1, 4)
    petition = workflow.petition_extend(actor=head_a, petition=petition, reason="Đặc biệt phức tạp")
    assert consistent(petition) == dt.date(2027, 2, 1)
    petition = workflow.petition_conclude(actor=head_a, petition=petition, outcome="right", answer="Tố cáo đúng.")
    assert consistent(petition) == StepDeadline.objects.get(petition=petition, step="publish").due_on


@time_machine.travel(NOW, tick=False)
def test_forwarding_and_the_endings_before_acceptance(world, submit, head_a, head_b):
    forwarded = workflow.petition_forward(actor=head_a, petition=submit().petition, to_organization=world.org_b)
    assert consistent(forwarded) is None  # nobody's clock runs until the competent organisation acknowledges
    acknowledged = workflow.petition_acknowledge(actor=head_b, petition=forwarded)
    assert consistent(acknowledged) is not None
    guided = workflow.petition_guide(
        actor=head_a, petition=submit().petition, guidance="Gửi đơn đến Tòa án.", competent_body="Tòa án"
    )
    assert consistent(guided) is None
    archived = workflow.petition_archive(actor=head_a, petition=submit().petition, ground="kn11_6")
    assert consistent(archived) is None
    anonymous = submit(kind="denunciation", complaint_round=None, is_anonymous=True, parties=[]).petition
    lead = workflow.petition_mark_inspection_lead(actor=head_a, petition=anonymous, reason="Nội dung cụ thể")
    assert consistent(lead) is None


@time_machine.travel(NOW, tick=False)
def test_duplicates_and_split_parts(world, submit, head_a):
    first = submit().petition
    copy = links.petition_mark_duplicate(actor=head_a, petition=submit().petition, canonical=first)
    assert consistent(copy) is None
    assert consistent(first) is not None
    mixed = submit().petition
    parts = links.petition_split(
        actor=head_a,
        petition=mixed,
        parts=[
            links.SplitPart(kind="complaint", subject="Khiếu nại thu hồi đất", content="Phần khiếu nại."),
            links.SplitPart(kind="feedback", subject="Phản ánh đèn đường", content="Phần phản ánh."),
        ],
    )
    assert consistent(Petition.objects.get(pk=mixed.pk)) is None
    assert all(consistent(part) is not None for part in parts)


@pytest.mark.parametrize("sql", ["FILL_FROM", "FILL_CORRELATED"])
@time_machine.travel(NOW, tick=False)
def test_the_migration_fills_existing_rows_in_one_statement(world, submit, head_a, sql):
    running = submit().petition
    suspended = submit().petition
    workflow.petition_classify(actor=head_a, petition=suspended, eligible=True, within_competence=True)
    workflow.petition_accept(actor=head_a, petition=suspended)
    workflow.petition_suspend(actor=head_a, petition=suspended, reason="Chờ giám định")
    closed = workflow.petition_guide(
        actor=head_a, petition=submit().petition, guidance="Gửi Tòa án.", competent_body="Tòa án"
    )
    Petition.objects.update(earliest_due_on=None)
    assert earliest_due_mismatches().count() == 1  # only the running one was wrong
    with connection.cursor() as cursor:
        cursor.execute(getattr(fill, sql))
    assert earliest_due_mismatches().count() == 0
    assert Petition.objects.get(pk=running.pk).earliest_due_on == fresh(running) is not None
    assert Petition.objects.get(pk=suspended.pk).earliest_due_on is None
    assert Petition.objects.get(pk=closed.pk).earliest_due_on is None
