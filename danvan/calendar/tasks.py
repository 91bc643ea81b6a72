from __future__ import annotations

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from danvan.calendar.reminders import scan_deadlines


@db_periodic_task(crontab(minute="5"))
@lock_task("cases-deadline-scan")
def deadline_scan_hourly() -> dict[str, int]:
    """Every kind of record's deadlines (petitions, complex cases …): one scan."""
    result = scan_deadlines(today=timezone.localdate())
    return result.__dict__
