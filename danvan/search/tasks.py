"""Thin task wrappers: the work is in ``danvan.search.services``."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

from danvan.search.services import index_petition


@db_task(retries=3, retry_delay=10)
def index_petition_task(petition_id: int) -> bool:
    return index_petition(petition_id)
