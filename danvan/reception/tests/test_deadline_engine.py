"""A second kind of record in the deadline engine: a complex prolonged case's deadline opened, suspended,
resumed, extended and completed through the engine's services, and reminded of by the one scan."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from danvan.accounts.models import User
from danvan.audit.models import AuditEvent
from danvan.calendar.errors import DeadlineErrorCode
from danvan.calendar.models import Deadline, DeadlineState, RuleUnit
from danvan.calendar.reminders import scan_deadlines
from danvan.calendar.selectors_deadlines import deadline_rows, my_deadlines
from danvan.calendar.services import rule_version_add
from danvan.calendar.services_deadlines import (
    deadline_complete,
    deadline_extend,
    deadline_open,
    deadline_pause,
    deadline_resume,
)
from danvan.core.errors import DomainError
from danvan.notifications.models import Notification
from danvan.reception.models import ComplexCase
from danvan.testing import World

RULE = "test.roadmap.step"


@pytest.fixture
def case(world: World, head_a: User) -> ComplexCase:
    rule_version_add(
        actor=None,
        code=RULE,
        length=10,
        unit=RuleUnit.WORKING_DAYS,
        counts_from="ngày lập lộ trình",
        citation="Kế hoạch giải quyết vụ việc phức tạp (thử nghiệm)",
        effective_from=dt.date(2026, 1, 1),
        max_extensions=1,
        extension_length=5,
    )
    return ComplexCase.objects.create(
        organization=world.org_a,
        unit=world.commune_a,
        title="Tranh chấp đất khu tái định cư",
        summary="Nhiều hộ; nội dung nội bộ.",
        criteria=["many_complainants"],
        opened_on=dt.date(2026, 10, 1),
        created_by=head_a,
    )


def _open(case: ComplexCase, head_a: User, handler_a: User, world: World) -> Deadline:
    return deadline_open(
        actor=head_a,
        record=case,
        key="roadmap",
        rule_code=RULE,
        start=dt.date(2026, 11, 2),  # Monday
        organization=world.org_a,
        responsible=handler_a,
    )


def test_open_pause_resume_extend_complete_and_the_scan(
    world, case, head_a, handler_a, django_capture_on_commit_callbacks
):
    deadline = _open(case, head_a, handler_a, world)
    # 10 working days after Mon 2 Nov 2026 → Mon 16 Nov.
    assert (deadline.due_on, deadline.state, deadline.citation) == (
        dt.date(2026, 11, 16),
        DeadlineState.OPEN,
        "Kế hoạch giải quyết vụ việc phức tạp (thử nghiệm)",
    )
    assert deadline.record == case
    with pytest.raises(DomainError) as error:
        _open(case, head_a, handler_a, world)
    assert error.value.code == DeadlineErrorCode.DEADLINE_EXISTS
    assert Deadline.objects.count() == 1

    deadline_pause(actor=head_a, deadline=deadline, on=dt.date(2026, 11, 4), reason="Chờ kết quả đo đạc")
    with pytest.raises(DomainError) as error:
        deadline_pause(actor=head_a, deadline=deadline, on=dt.date(2026, 11, 5))
    assert error.value.code == DeadlineErrorCode.DEADLINE_PAUSED
    # Suspended: quiet even past its due date.
    assert scan_deadlines(today=dt.date(2026, 11, 17)).notifications == 0

    deadline = deadline_resume(actor=head_a, deadline=deadline, on=dt.date(2026, 11, 9))
    # The 5 days of the suspension are added back: counted from Sat 7 Nov → Fri 20 Nov.
    assert (deadline.starts_on, deadline.due_on, deadline.paused_days) == (
        dt.date(2026, 11, 7),
        dt.date(2026, 11, 20),
        5,
    )
    with pytest.raises(DomainError) as error:
        deadline_resume(actor=head_a, deadline=deadline, on=dt.date(2026, 11, 10))
    assert error.value.code == DeadlineErrorCode.DEADLINE_NOT_PAUSED

    with pytest.raises(DomainError) as error:
        deadline_extend(actor=head_a, deadline=deadline, reason="  ")
    assert error.value.code == DeadlineErrorCode.EXTENSION_REASON_REQUIRED
    with pytest.raises(DomainError) as error:
        deadline_extend(actor=head_a, deadline=deadline, reason="Thêm hộ", due_on=dt.date(2026, 11, 19))
    assert error.value.code == DeadlineErrorCode.EXTENSION_NOT_LATER
    deadline.refresh_from_db()
    assert (deadline.due_on, deadline.extensions) == (dt.date(2026, 11, 20), 0)  # nothing half-saved

    deadline = deadline_extend(actor=head_a, deadline=deadline, reason="Thêm hộ liên quan")
    assert (deadline.due_on, deadline.extensions, deadline.extension_reason) == (
        dt.date(2026, 11, 30),  # one more extension: 5 working days (24 Nov, Culture Day, is off)
        1,
        "Thêm hộ liên quan",
    )
    with pytest.raises(DomainError) as error:
        deadline_extend(actor=head_a, deadline=deadline, reason="Lần nữa")
    assert error.value.code == "time_limit_too_many_extensions"
    deadline = deadline_extend(
        actor=head_a, deadline=deadline, reason="Theo chỉ đạo của Chủ tịch", due_on=dt.date(2026, 12, 4)
    )
    assert (deadline.due_on, deadline.due_fixed) == (dt.date(2026, 12, 4), True)

    # The one scan: due soon (2 working days left), then overdue, once each, to the officer and the head.
    with django_capture_on_commit_callbacks(execute=True):
        soon = scan_deadlines(today=dt.date(2026, 12, 2))
    assert (soon.due_soon, soon.overdue, soon.notifications) == (1, 0, 2)
    note = Notification.objects.get(user=handler_a)
    assert case.title in note.title
    assert note.url == f"/reception/complex/{case.pk}/"
    assert "Nhiều hộ" not in note.title + note.body
    assert scan_deadlines(today=dt.date(2026, 12, 3)).notifications == 0
    with django_capture_on_commit_callbacks(execute=True):
        late = scan_deadlines(today=dt.date(2026, 12, 7))
    assert (late.overdue, late.notifications) == (1, 2)
    assert len(mail.outbox) == 4
    assert [
        row.record.label for row in deadline_rows(list(my_deadlines(user=handler_a)), today=dt.date(2026, 12, 7))
    ] == [case.title]

    deadline = deadline_complete(actor=handler_a, deadline=deadline, on=dt.date(2026, 12, 7))
    assert (deadline.state, deadline.completed_on) == (DeadlineState.DONE, dt.date(2026, 12, 7))
    with pytest.raises(DomainError) as error:
        deadline_complete(actor=handler_a, deadline=deadline, on=dt.date(2026, 12, 8))
    assert error.value.code == DeadlineErrorCode.DEADLINE_CLOSED
    assert list(my_deadlines(user=handler_a)) == []
    assert scan_deadlines(today=dt.date(2026, 12, 20)).checked == 0
    assert list(
        AuditEvent.objects.filter(action__startswith="legal_calendar.deadline_").values_list("action", flat=True)
    ) == [
        "legal_calendar.deadline_opened",
        "legal_calendar.deadline_paused",
        "legal_calendar.deadline_resumed",
        "legal_calendar.deadline_extended",
        "legal_calendar.deadline_extended",
        "legal_calendar.deadline_completed",
    ]


def test_a_completed_deadline_opens_again_from_scratch(world, case, head_a, handler_a):
    deadline = _open(case, head_a, handler_a, world)
    deadline_complete(actor=head_a, deadline=deadline, on=dt.date(2026, 11, 3))
    again = deadline_open(
        actor=head_a, record=case, key="roadmap", rule_code=RULE, start=dt.date(2026, 11, 16), organization=world.org_a
    )
    assert again.pk == deadline.pk
    assert (again.state, again.completed_on, again.responsible, again.due_on) == (
        DeadlineState.OPEN,
        None,
        None,
        dt.date(2026, 12, 1),  # 10 working days after Mon 16 Nov, 24 Nov being off
    )


def test_an_unknown_rule_opens_nothing(world, case, head_a):
    with pytest.raises(DomainError) as error:
        deadline_open(
            actor=head_a,
            record=case,
            key="x",
            rule_code="no.such.rule",
            start=dt.date(2026, 11, 2),
            organization=world.org_a,
        )
    assert error.value.code == "time_limit_rule_unknown"
    assert Deadline.objects.count() == 0
    assert not AuditEvent.objects.filter(action__startswith="legal_calendar.deadline_").exists()
