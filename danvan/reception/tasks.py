"""Periodic work of the reception app: thin wrappers around the services."""

from __future__ import annotations

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from danvan.reception.services.alerts import milestone_overdue_scan
from danvan.reception.services.hotspots import hotspot_scan


# Huey schedules in UTC: 23:30 UTC is 06:30 in Việt Nam, before the working day starts.
@db_periodic_task(crontab(hour="23", minute="30"))
@lock_task("reception-hotspot-scan")
def hotspot_scan_daily() -> dict[str, int]:
    return hotspot_scan(today=timezone.localdate()).__dict__


@db_periodic_task(crontab(hour="23", minute="40"))
@lock_task("reception-milestone-scan")
def milestone_scan_daily() -> int:
    return milestone_overdue_scan(today=timezone.localdate())
