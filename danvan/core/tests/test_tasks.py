"""The task queue round-trips through the configured backend: SqliteHuey, or Redis when REDIS_URL is set."""

import os

import pytest
from huey.contrib.djhuey import HUEY

from danvan.audit.services import audit_record
from danvan.audit.tasks import audit_chain_check


@pytest.fixture
def real_queue():
    HUEY.immediate = False
    HUEY.flush()
    yield HUEY
    HUEY.flush()
    HUEY.immediate = True


def test_backend_matches_environment():
    expected = "RedisHuey" if os.environ.get("REDIS_URL") else "SqliteHuey"
    assert type(HUEY).__name__ == expected


@pytest.mark.django_db(transaction=True)
def test_task_is_enqueued_then_executed_by_a_worker(real_queue):
    from django.db import transaction

    with transaction.atomic():
        audit_record(actor=None, action="test.event")
    result = audit_chain_check()
    assert real_queue.pending_count() == 1
    task = real_queue.dequeue()
    real_queue.execute(task)
    assert result.get() == {"rows": 1, "problems": []}
