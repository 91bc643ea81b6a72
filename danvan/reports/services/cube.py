"""Build the dashboard's pre-aggregation (``CubeCell``): petition counts per organisation and report month.

Why it is exact: every measure of the dashboard compares a petition's dates with the period's ends; for a
period made of whole report months (every TT 01/2024 period), "date ≥ the 15th that opens month M" is
"report month of the date ≥ M", so counting by report month gives the same numbers as counting by date.
The build reads every petition in one snapshot (REPEATABLE READ on PostgreSQL) and is used only while fresh
(``CUBE_MAX_AGE``); ``test_cube.py`` checks the snapshot against the direct counts for every period.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from typing import Any

from django.db import connection, transaction
from django.db.models import BooleanField, Case, Count, Min, OuterRef, Subquery, Value, When
from django.db.models.expressions import Expression
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone

from danvan.cases.models import OPEN_STATUSES, Petition, StepDeadline
from danvan.reports.models import CubeBuild, CubeCell, CubePart
from danvan.reports.selectors.dashboard import WorkdayIndex
from danvan.reports.selectors.measures import LATE, ON_TIME, annotate

BATCH = 5000
KEEP_BUILDS = 2


def month_index(field: str) -> Expression:
    """``year * 12 + month - 1``, plus one from the 15th on: the report month that ends in that month."""
    late = Case(When(**{f"{field}__day__gte": 15}, then=Value(1)), default=Value(0))
    return ExtractYear(field) * 12 + ExtractMonth(field) - 1 + late


def _flow_cells(petitions: Any) -> list[CubeCell]:
    on_time = Case(When(ON_TIME, then=Value(True)), When(LATE, then=Value(False)), output_field=BooleanField())
    rows = (
        petitions.annotate(
            rm=month_index("received_on"), em=month_index("end_day"), sm=month_index("resolved_on"), ot=on_time
        )
        .values_list("handling_organization_id", "rm", "em", "sm", "ot")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [
        CubeCell(
            part=CubePart.FLOW, organization_id=o, received_month=r, ended_month=e, resolved_month=s, on_time=t, n=n
        )
        for o, r, e, s, t, n in rows
    ]


def _dimension_cells(petitions: Any) -> list[CubeCell]:
    rows = (
        petitions.annotate(rm=month_index("received_on"))
        .values_list("handling_organization_id", "rm", "kind", "status", "category_id", "unit_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts: dict[tuple[str, int, int, str], int] = Counter()
    for org, rm, kind, status, category, unit, n in rows:
        counts[(CubePart.KIND, org, rm, kind)] += n
        counts[(CubePart.STATUS, org, rm, status)] += n
        counts[(CubePart.CATEGORY, org, rm, str(category or ""))] += n
        counts[(CubePart.UNIT, org, rm, str(unit))] += n
    return [
        CubeCell(part=part, organization_id=org, received_month=rm, value=value, n=n)
        for (part, org, rm, value), n in counts.items()
    ]


def _handling_cells(petitions: Any) -> list[CubeCell]:
    rows = list(
        petitions.filter(resolved_on__isnull=False)
        .values_list("handling_organization_id", "received_on", "resolved_on")
        .annotate(n=Count("pk"))
        .order_by()
    )
    rows = [row for row in rows if row[2] >= row[1]]
    if not rows:
        return []
    index = WorkdayIndex(min(r[1] for r in rows), max(r[2] for r in rows))
    counts: dict[tuple[int, int, int], int] = defaultdict(int)
    for org, received, resolved, n in rows:
        month = resolved.year * 12 + resolved.month - 1 + (resolved.day >= 15)
        counts[(org, month, index.between(received, resolved))] += n
    return [
        CubeCell(part=CubePart.HANDLING, organization_id=org, resolved_month=month, days=days, n=n)
        for (org, month, days), n in counts.items()
    ]


def _due_cells() -> list[CubeCell]:
    next_due = (
        StepDeadline.objects.filter(petition=OuterRef("pk"), completed_on__isnull=True, paused_on__isnull=True)
        .values("petition")
        .annotate(first=Min("due_on"))
        .values("first")
    )
    rows = (
        Petition.objects.filter(status__in=OPEN_STATUSES)
        .annotate(next_due=Subquery(next_due))
        .filter(next_due__isnull=False)
        .values_list("handling_organization_id", "next_due")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [CubeCell(part=CubePart.DUE, organization_id=org, due_on=due, n=n) for org, due, n in rows]


def cube_build() -> CubeBuild:
    """Count every petition into a new snapshot and drop the older ones. Run by a periodic task."""
    started = time.monotonic()
    snapshot = connection.vendor == "postgresql" and not connection.in_atomic_block
    with transaction.atomic():
        if snapshot:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        build = CubeBuild.objects.create(built_at=timezone.now())
        petitions = annotate(Petition.objects.all())
        cells = _flow_cells(petitions) + _dimension_cells(Petition.objects.all())
        cells += _handling_cells(annotate(Petition.objects.all(), deadline=False)) + _due_cells()
        for cell in cells:
            cell.build = build
        CubeCell.objects.bulk_create(cells, batch_size=BATCH)
        build.petitions = Petition.objects.count()
        build.cells, build.is_complete = len(cells), True
        build.seconds = round(time.monotonic() - started, 3)
        build.save()
    old = CubeBuild.objects.filter(built_at__lt=build.built_at).order_by("-built_at")[KEEP_BUILDS - 1 :]
    stale = list(old.values_list("pk", flat=True))
    if stale:
        CubeCell.objects.filter(build_id__in=stale).delete()
        CubeBuild.objects.filter(pk__in=stale).delete()
    return build
