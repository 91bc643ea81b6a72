"""Periodic work of the routing app: a thin wrapper around the training service."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from danvan.routing.services import classifier_train


# Huey schedules in UTC: Saturday 18:00 UTC is Sunday 01:00 in Việt Nam, outside working hours.
@db_periodic_task(crontab(day_of_week="6", hour="18", minute="0"))
@lock_task("routing-classifier-train")
def classifier_train_weekly() -> dict[str, object]:
    result = classifier_train()
    return {
        "version": result.model.version if result.model else None,
        "active": bool(result.model and result.model.is_active),
        "n_samples": result.n_samples,
        "observed": result.observed,
        "reason": str(result.reason),
    }
