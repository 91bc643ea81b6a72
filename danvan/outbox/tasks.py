"""Thin task wrappers: the work is in ``danvan.outbox.services``."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task, lock_task

from danvan.outbox.services import deliver, relay


@db_task()
def outbox_deliver(message_id: int) -> str:
    # No Huey retries: the outbox row keeps the attempts, the back-off and the error.
    return deliver(message_id)


@db_periodic_task(crontab(minute="*"))
@lock_task("outbox-relay")
def outbox_relay() -> dict[str, int]:
    return relay().__dict__
