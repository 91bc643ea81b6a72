"""The transactional outbox (docs/adr/0013-transactional-outbox.md).

- ``outbox_write(kind=…, target=…)`` inside a service's transaction stores the follow-up with the write:
  both commit or neither does. After the commit it is handed to the task queue at once (``dispatch``);
  a queue that is down leaves it pending, and the relay (a periodic task, ``relay``) hands it again.
- ``deliver(message_id)`` claims the row with a lease, runs the handler registered for its kind, and
  marks it done; a handler that raises is retried with back-off, then marked failed with its error
  (visible in the Django admin). Delivery is at least once: handlers must be idempotent.
- Handlers are registered by name (``register``) in the owning app's ``AppConfig.ready()``, so the app
  that writes a follow-up never imports the app that handles it.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from danvan.outbox.models import OutboxMessage, Status

logger = logging.getLogger(__name__)

Handler = Callable[[str, dict[str, Any]], object]

MAX_ATTEMPTS = 6
LEASE = timedelta(minutes=5)  # longer than any handler runs; a dead worker's message is handed out again
HAND_AGAIN_AFTER = timedelta(minutes=5)  # a message handed to a queue that lost it is handed again
BACKOFF_BASE = timedelta(seconds=30)
BACKOFF_MAX = timedelta(hours=1)
KEEP_DONE = timedelta(days=7)
ERROR_CHARS = 4000

_handlers: dict[str, Handler] = {}
_queue_down = False


def register(kind: str, handler: Handler) -> None:
    """Register the handler of ``kind`` (from an ``AppConfig.ready()``). It is called as
    ``handler(target, payload)``, outside any transaction, and must be idempotent."""
    if _handlers.get(kind, handler) is not handler:
        raise ValueError(f"outbox kind {kind!r} already has a handler")
    _handlers[kind] = handler


def unregister(kind: str) -> None:
    _handlers.pop(kind, None)


def registered_kinds() -> set[str]:
    return set(_handlers)


def outbox_write(*, kind: str, target: str | int = "", payload: dict[str, Any] | None = None) -> OutboxMessage:
    """Store a follow-up in the caller's transaction; it is dispatched once that transaction commits.

    While a message of the same kind and target is still pending, that one is returned: it has not
    started yet, so it will see this change too. The pending row is locked until the caller commits,
    so a worker cannot start it in between and miss the change."""
    if kind not in _handlers:
        raise LookupError(f"no outbox handler is registered for {kind!r}")
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("outbox_write must run inside the transaction of the write it follows")
    target = str(target)
    for _attempt in range(3):
        pending = OutboxMessage.objects.select_for_update().filter(kind=kind, target=target, status=Status.PENDING)
        existing = pending.first()
        if existing is not None:
            return existing
        try:
            with transaction.atomic():
                message = OutboxMessage.objects.create(kind=kind, target=target, payload=payload or {})
        except IntegrityError:
            continue  # a concurrent writer inserted the pending row first: lock that one instead
        transaction.on_commit(partial(dispatch, message.pk))
        return message
    raise RuntimeError(f"outbox: could not write {kind} {target}")


def dispatch(message_id: int) -> bool:
    """Hand a message to the task queue (runs it inline when the queue is immediate, as in tests).

    Never raises: the message is safe in the database, and the relay hands it again later."""
    global _queue_down
    from danvan.outbox.tasks import outbox_deliver

    handed = OutboxMessage.objects.filter(pk=message_id, status=Status.PENDING)
    handed.update(handed_at=timezone.now())  # before: an immediate queue runs the message inside the call
    try:
        outbox_deliver(message_id)
    except Exception as exc:  # any queue failure: the message is safe in the table, the relay retries
        handed.update(handed_at=None)
        if not _queue_down:
            logger.warning("task queue unreachable (%s): outbox messages wait for the relay", exc)
        _queue_down = True
        return False
    if _queue_down:
        logger.info("task queue reachable again")
    _queue_down = False
    return True


def _claimable(now: Any) -> Q:
    return Q(status=Status.PENDING, available_at__lte=now) | Q(status=Status.RUNNING, lease_until__lt=now)


def backoff(attempts: int) -> timedelta:
    return min(BACKOFF_BASE * 2 ** max(attempts - 1, 0), BACKOFF_MAX)


def deliver(message_id: int) -> str:
    """Claim and run one message. Returns "done", "retry", "failed" or "skipped" (not claimable)."""
    now = timezone.now()
    claimed = OutboxMessage.objects.filter(_claimable(now), pk=message_id).update(
        status=Status.RUNNING, lease_until=now + LEASE, attempts=F("attempts") + 1
    )
    if not claimed:
        return "skipped"
    message = OutboxMessage.objects.get(pk=message_id)
    try:
        handler = _handlers[message.kind]
        handler(message.target, message.payload)
    except Exception as exc:
        return _failed(message, exc)
    OutboxMessage.objects.filter(pk=message_id, status=Status.RUNNING).update(
        status=Status.DONE, finished_at=timezone.now(), lease_until=None, payload={}, last_error=""
    )
    return "done"


def _failed(message: OutboxMessage, exc: Exception) -> str:
    error = "".join(traceback.format_exception(exc))[-ERROR_CHARS:]
    now = timezone.now()
    if message.attempts >= MAX_ATTEMPTS:
        logger.error("outbox message %s (%s) failed %s times: %s", message.pk, message.kind, message.attempts, exc)
        OutboxMessage.objects.filter(pk=message.pk).update(
            status=Status.FAILED, finished_at=now, lease_until=None, last_error=error
        )
        return "failed"
    logger.warning("outbox message %s (%s) attempt %s failed: %s", message.pk, message.kind, message.attempts, exc)
    try:
        with transaction.atomic():
            OutboxMessage.objects.filter(pk=message.pk).update(
                status=Status.PENDING,
                available_at=now + backoff(message.attempts),
                handed_at=None,
                lease_until=None,
                last_error=error,
            )
    except IntegrityError:
        # A newer pending message for the same target exists and will do the same work: this one is
        # superseded (its error stays on the row).
        OutboxMessage.objects.filter(pk=message.pk).update(
            status=Status.DONE, finished_at=now, lease_until=None, payload={}, last_error=error
        )
    return "retry"


@dataclass(frozen=True)
class RelayResult:
    handed: int
    left: int
    purged: int


def relay(*, limit: int = 500) -> RelayResult:
    """Hand every due message to the queue: pending ones not handed lately (the queue was down, or lost
    them) and running ones whose lease expired (their worker died). Stops at the first queue failure."""
    now = timezone.now()
    due = (
        OutboxMessage.objects.filter(
            Q(status=Status.PENDING, available_at__lte=now)
            & (Q(handed_at__isnull=True) | Q(handed_at__lt=now - HAND_AGAIN_AFTER))
            | Q(status=Status.RUNNING, lease_until__lt=now)
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )
    ids = list(due)
    handed = 0
    for message_id in ids:
        if not dispatch(message_id):
            break
        handed += 1
    purged, _by_model = OutboxMessage.objects.filter(status=Status.DONE, finished_at__lt=now - KEEP_DONE).delete()
    return RelayResult(handed=handed, left=len(ids) - handed, purged=purged)


def failed_count() -> int:
    return OutboxMessage.objects.filter(status=Status.FAILED).count()
