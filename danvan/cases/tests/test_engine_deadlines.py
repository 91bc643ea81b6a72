"""Petitions' steps in the deadline engine: every change of a ``StepDeadline`` is mirrored, in the same
transaction, by the engine's row of the same key (the engine's one scan and "My deadlines" read it)."""

from __future__ import annotations

import datetime as dt
import importlib

from django.apps import apps as django_apps

from danvan.accounts.models import Role
from danvan.calendar.deadlines import deadlines_of_record
from danvan.calendar.models import Deadline, DeadlineState
from danvan.cases.models import Petition, StepDeadline
from danvan.cases.reminders import scan_deadlines
from danvan.cases.services import workflow
from danvan.testing import make_user


def assert_mirrored(petition: Petition) -> None:
    petition.refresh_from_db()
    steps = {s.step: s for s in StepDeadline.objects.filter(petition=petition)}
    engine = {d.key: d for d in deadlines_of_record(petition)}
    assert set(engine) == set(steps)
    for key, step in steps.items():
        row = engine[key]
        assert (row.rule_code, row.starts_on, row.due_on, row.completed_on, row.citation) == (
            step.rule_code,
            step.starts_on,
            step.due_on,
            step.completed_on,
            step.citation,
        )
        assert row.state == (DeadlineState.OPEN if step.completed_on is None else DeadlineState.DONE)
        if row.state == DeadlineState.OPEN:
            assert row.paused_on == step.paused_on
            assert (row.organization_id, row.responsible_id) == (petition.handling_organization_id, petition.handler_id)


def test_the_workflow_keeps_the_engine_in_step(world, submit, head_a, handler_a):
    petition = submit().petition
    assert_mirrored(petition)
    assert deadlines_of_record(petition).get().key == "accept"
    workflow.petition_classify(actor=head_a, petition=petition, eligible=True, within_competence=True)
    workflow.petition_accept(actor=head_a, petition=petition, on=dt.date(2026, 11, 2))
    assert_mirrored(petition)
    workflow.petition_start_verification(actor=head_a, petition=petition, handler=handler_a, complexity="complex")
    assert_mirrored(petition)
    resolve = deadlines_of_record(petition).get(key="resolve")
    assert (resolve.responsible, resolve.complex, resolve.due_on) == (handler_a, True, dt.date(2026, 12, 17))
    workflow.petition_suspend(actor=head_a, petition=petition, reason="Chờ giám định")
    assert_mirrored(petition)
    assert deadlines_of_record(petition).get(key="resolve").paused_on is not None
    assert scan_deadlines(today=dt.date(2027, 6, 1)).checked == 0  # suspended: quiet
    workflow.petition_resume(actor=head_a, petition=petition)
    assert_mirrored(petition)
    other = make_user("handler_a2", org=world.org_a, role=Role.CASE_HANDLER)
    workflow.petition_assign(actor=head_a, petition=petition, handler=other)
    assert_mirrored(petition)
    assert deadlines_of_record(petition).get(key="resolve").responsible == other
    workflow.petition_withdraw(actor=head_a, petition=petition, full=True)
    assert_mirrored(petition)
    assert not deadlines_of_record(petition).filter(state=DeadlineState.OPEN).exists()


def test_a_forwarded_petition_closes_its_steps_and_opens_them_at_the_new_organisation(world, submit, head_a):
    petition = submit().petition
    workflow.petition_classify(actor=head_a, petition=petition, eligible=True, within_competence=False)
    workflow.petition_forward(actor=head_a, petition=petition, to_organization=world.org_b, reason="Thẩm quyền")
    assert_mirrored(petition)
    assert not deadlines_of_record(petition).filter(state=DeadlineState.OPEN).exists()


def test_the_data_migration_copies_the_open_steps_with_their_reminder_flags(world, submit, head_a):
    first = submit().petition
    second = submit(kind="denunciation", complaint_round=None).petition
    workflow.petition_withdraw(actor=head_a, petition=second, full=True)
    StepDeadline.objects.filter(petition=first).update(notified_soon=True)
    Deadline.objects.all().delete()
    migration = importlib.import_module("danvan.cases.migrations.0006_step_deadlines_into_engine")
    migration.forwards(django_apps, None)
    row = Deadline.objects.get()
    assert (row.object_id, row.key, row.notified_soon, row.notified_overdue, row.organization_id) == (
        first.pk,
        "accept",
        True,
        False,
        world.org_a.pk,
    )
    assert_mirrored(first)
    migration.forwards(django_apps, None)  # run twice: nothing doubled
    assert Deadline.objects.count() == 1
