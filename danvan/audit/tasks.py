"""Nightly check of the audit chain: a break is reported to the administrators at once."""

from __future__ import annotations

import logging

from django.core.mail import mail_admins
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from danvan.audit.models import AuditEvent
from danvan.audit.selectors import audit_chain_problems

logger = logging.getLogger(__name__)


@db_task()
def audit_chain_check() -> dict[str, object]:
    problems = [f"row {p.seq}: {p.reason}" for p in audit_chain_problems()]
    if problems:
        logger.error("Audit chain broken: %s", problems[0])
        mail_admins("DânVận: audit trail tampered", "\n".join(problems[:50]), fail_silently=True)
    return {"rows": AuditEvent.objects.count(), "problems": problems}


# Huey schedules in UTC: 19:30 UTC is 02:30 in Việt Nam (UTC+7).
@db_periodic_task(crontab(hour="19", minute="30"))
def audit_chain_check_nightly() -> None:
    audit_chain_check.call_local()
