"""The outbox: written in the write's transaction, delivered at least once, retried with back-off, then
shown as failed; a worker that dies leaves its message to be handed out again when the lease expires."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from huey.contrib.djhuey import HUEY

from danvan.outbox.models import OutboxMessage, Status
from danvan.outbox.services import (
    LEASE,
    MAX_ATTEMPTS,
    backoff,
    deliver,
    outbox_write,
    register,
    relay,
    unregister,
)

pytestmark = pytest.mark.django_db


class Recorder:
    """A test handler: records its calls; raises while ``failing`` says so."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict]] = []
        self.failing: BaseException | None = None

    def __call__(self, target: str, payload: dict) -> None:
        self.calls.append((target, payload))
        if self.failing is not None:
            raise self.failing


@pytest.fixture
def handler():
    recorder = Recorder()
    register("test.thing", recorder)
    yield recorder
    unregister("test.thing")


@pytest.fixture
def queue_down(monkeypatch):
    def refuse(task):
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(HUEY, "enqueue", refuse)
    return monkeypatch


def write(target="1", payload=None):
    with transaction.atomic():
        return outbox_write(kind="test.thing", target=target, payload=payload)


def test_a_message_is_delivered_after_the_commit_and_not_before(handler, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        message = outbox_write(kind="test.thing", target="7", payload={"a": 1})
        assert handler.calls == []
    assert len(callbacks) == 1
    assert handler.calls == [("7", {"a": 1})]
    message.refresh_from_db()
    assert (message.status, message.attempts, message.payload) == (Status.DONE, 1, {})


def test_a_rolled_back_write_leaves_no_message(handler, django_capture_on_commit_callbacks):
    def write_then_fail() -> None:
        with transaction.atomic():
            outbox_write(kind="test.thing", target="7")
            raise ZeroDivisionError

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ZeroDivisionError):
        write_then_fail()
    assert not OutboxMessage.objects.exists()
    assert handler.calls == []


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_or_for_an_unknown_kind_it_refuses(handler):
    with pytest.raises(RuntimeError):
        outbox_write(kind="test.thing", target="1")
    with pytest.raises(LookupError), transaction.atomic():
        outbox_write(kind="test.unknown", target="1")
    assert not OutboxMessage.objects.exists()


def test_one_pending_message_per_target(handler):
    first = write("1")
    assert write("1") == first
    assert write("2") != first
    assert OutboxMessage.objects.filter(status=Status.PENDING).count() == 2
    # Once the first has started, a new change needs a new message: the running one may have read too early.
    OutboxMessage.objects.filter(pk=first.pk).update(status=Status.RUNNING, lease_until=timezone.now() + LEASE)
    assert write("1") != first


def test_a_dead_queue_keeps_the_message_and_the_relay_hands_it_when_the_queue_is_back(
    handler, queue_down, django_capture_on_commit_callbacks, caplog
):
    with django_capture_on_commit_callbacks(execute=True):
        message = write("1")
        write("2")
    assert handler.calls == []
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {Status.PENDING}
    assert [r.message for r in caplog.records].count(
        "task queue unreachable (Error 111 connecting to 127.0.0.1:6379. Connection refused.): outbox messages "
        "wait for the relay"
    ) == 1  # logged once per outage, not once per message
    assert relay().handed == 0  # still down: the relay stops at the first refusal
    queue_down.undo()
    result = relay()
    assert (result.handed, result.left) == (2, 0)
    assert sorted(t for t, _ in handler.calls) == ["1", "2"]
    message.refresh_from_db()
    assert message.status == Status.DONE


def test_a_failing_handler_is_retried_with_back_off_then_marked_failed_with_its_error(handler):
    handler.failing = ValueError("SMTP 451: try again later")
    message = write("1")
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        for attempt in range(1, MAX_ATTEMPTS + 1):
            assert relay().handed == 1
            message.refresh_from_db()
            assert message.attempts == attempt
            assert "ValueError: SMTP 451: try again later" in message.last_error
            if attempt < MAX_ATTEMPTS:
                assert message.status == Status.PENDING
                assert message.available_at == timezone.now() + backoff(attempt)
                assert relay().handed == 0  # not before its back-off
                clock.shift(backoff(attempt))
    assert message.status == Status.FAILED
    assert message.finished_at is not None
    assert len(handler.calls) == MAX_ATTEMPTS
    assert relay().handed == 0  # a failed message stays failed, for an administrator to see
    assert [backoff(n).total_seconds() for n in (1, 2, 3)] == [30, 60, 120]


def test_a_worker_that_dies_mid_handler_leaves_the_message_to_the_next_one_after_the_lease(handler):
    message = write("1")
    handler.failing = KeyboardInterrupt()  # a BaseException: the worker process goes down with it
    with pytest.raises(KeyboardInterrupt):
        deliver(message.pk)
    message.refresh_from_db()
    assert message.status == Status.RUNNING
    handler.failing = None
    assert relay().handed == 0  # claimed: nobody else runs it while its lease holds
    assert deliver(message.pk) == "skipped"
    with time_machine.travel(timezone.now() + LEASE + dt.timedelta(seconds=1)):
        assert relay().handed == 1
    message.refresh_from_db()
    assert (message.status, message.attempts, len(handler.calls)) == (Status.DONE, 2, 2)


def test_delivering_the_same_message_twice_runs_it_once(handler):
    message = write("1")
    assert deliver(message.pk) == "done"
    assert deliver(message.pk) == "skipped"
    assert len(handler.calls) == 1


def test_done_messages_are_purged_after_a_week(handler):
    message = write("1")
    deliver(message.pk)
    with time_machine.travel(timezone.now() + dt.timedelta(days=8)):
        assert relay().purged == 1
    assert not OutboxMessage.objects.exists()


def test_the_admin_list_is_for_system_administrators_and_counts_failures(handler, personas, as_persona):
    message = write("1")
    OutboxMessage.objects.filter(pk=message.pk).update(status=Status.FAILED, last_error="ValueError: boom")
    url = reverse("admin:outbox_outboxmessage_changelist")
    for name in ("system_admin", "officer_same"):
        user = personas[name]
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    page = as_persona("system_admin").get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "ValueError: boom" in text
    with translation.override("vi"):
        title = translation.gettext("Outbox messages: %(failed)s failed, %(waiting)s waiting")
    assert title % {"failed": 1, "waiting": 0} in text
    assert as_persona("officer_same").get(url).status_code == 403
    detail = as_persona("system_admin").post(reverse("admin:outbox_outboxmessage_change", args=[message.pk]), {})
    assert detail.status_code == 403  # read-only
    message.refresh_from_db()
    assert message.status == Status.FAILED
