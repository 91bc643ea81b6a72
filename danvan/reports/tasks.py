from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from danvan.reports.services.cube import cube_build


@db_periodic_task(crontab(minute="*/5"))
@lock_task("reports-cube-build")
def cube_build_periodic() -> dict[str, float]:
    """Rebuild the dashboard's pre-aggregation; the dashboard uses a snapshot no older than 15 minutes."""
    build = cube_build()
    return {"cells": build.cells, "petitions": build.petitions, "seconds": build.seconds}
