"""Thin task wrappers: the work is in ``danvan.search.services``."""

from __future__ import annotations

from huey.contrib.djhuey import db_task


@db_task(retries=3, retry_delay=10)
def index_petition_task(petition_id: int) -> bool:
    # Imported here: the services bring numpy, scipy and datasketch (≈ 90 MiB), which a web worker that
    # only queues this task never needs.
    from danvan.search.services import index_petition

    return index_petition(petition_id)
