"""The dashboard read from the pre-aggregation (``CubeCell``), when it may be: a period of whole report months,
a fresh complete snapshot, and a scope large enough that counting the petitions directly would be slow.
Otherwise the dashboard counts the petitions directly (``selectors.dashboard``)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from datetime import timedelta

from django.db.models import Q, Sum
from django.utils import timezone

from danvan.accounts.models import Organization
from danvan.geography.models import Level
from danvan.reports.models import CubeBuild, CubeCell, CubePart
from danvan.reports.periods import Period

CUBE_MAX_AGE = timedelta(minutes=15)  # the periodic task rebuilds every 5 minutes
CUBE_MIN_PETITIONS = 5_000  # below this, direct counting is fast enough and always current


def month_of(day: dt.date) -> int:
    """The report month of a day: ``year * 12 + month - 1`` of the month it ends in (the 15th opens the next)."""
    return day.year * 12 + day.month - 1 + (day.day >= 15)


def whole_months(period: Period) -> bool:
    return period.start.day == 15 and period.end.day == 14


def fresh_build(*, now: dt.datetime | None = None) -> CubeBuild | None:
    since = (now or timezone.now()) - CUBE_MAX_AGE
    return CubeBuild.objects.filter(is_complete=True, built_at__gte=since).order_by("-built_at").first()


def scope_size(build: CubeBuild, org_ids: list[int]) -> int:
    cells = CubeCell.objects.filter(build=build, part=CubePart.FLOW, organization_id__in=org_ids)
    return cells.aggregate(n=Sum("n"))["n"] or 0


def cube_figures(build: CubeBuild, org_ids: list[int], period: Period) -> dict[str, int]:
    first, last = month_of(period.start), month_of(period.end)
    received = Q(received_month__gte=first, received_month__lte=last)
    carried = Q(received_month__lt=first) & (Q(ended_month__isnull=True) | Q(ended_month__gte=first))
    resolved = Q(resolved_month__gte=first, resolved_month__lte=last)
    commune_orgs = list(
        Organization.objects.filter(pk__in=org_ids, unit__level=Level.COMMUNE).values_list("pk", flat=True)
    )
    conditions = {
        "total": received | carried,
        "carried_over": carried,
        "received": received,
        "resolved": resolved,
        "processed": Q(ended_month__gte=first, ended_month__lte=last),
        "pending": (received | carried) & (Q(ended_month__isnull=True) | Q(ended_month__gt=last)),
        "resolved_on_time": resolved & Q(on_time=True),
        "resolved_late": resolved & Q(on_time=False),
        "resolved_at_commune": resolved & Q(organization_id__in=commune_orgs),
    }
    cells = CubeCell.objects.filter(build=build, part=CubePart.FLOW, organization_id__in=org_ids)
    sums = cells.aggregate(**{name: Sum("n", filter=condition) for name, condition in conditions.items()})
    return {name: value or 0 for name, value in sums.items()}


def cube_slices(build: CubeBuild, org_ids: list[int], period: Period) -> dict[str, Counter[str]]:
    first, last = month_of(period.start), month_of(period.end)
    parts = [CubePart.KIND, CubePart.STATUS, CubePart.CATEGORY, CubePart.UNIT]
    rows = (
        CubeCell.objects.filter(
            build=build,
            part__in=parts,
            organization_id__in=org_ids,
            received_month__gte=first,
            received_month__lte=last,
        )
        .values_list("part", "value")
        .annotate(total=Sum("n"))
        .order_by()
    )
    slices: dict[str, Counter[str]] = {part: Counter() for part in parts}
    for part, value, total in rows:
        slices[part][value] += total
    return slices


def cube_months(build: CubeBuild, org_ids: list[int], period: Period) -> tuple[dict[int, int], dict[int, int]]:
    first, last = month_of(period.start), month_of(period.end)
    cells = CubeCell.objects.filter(build=build, organization_id__in=org_ids)
    received = cells.filter(part=CubePart.KIND, received_month__gte=first, received_month__lte=last)
    resolved = cells.filter(part=CubePart.FLOW, resolved_month__gte=first, resolved_month__lte=last)
    by_received = dict(received.values_list("received_month").annotate(t=Sum("n")).order_by())
    by_resolved = dict(resolved.values_list("resolved_month").annotate(t=Sum("n")).order_by())
    return by_received, by_resolved


def cube_handling(build: CubeBuild, org_ids: list[int], period: Period) -> Counter[int]:
    first, last = month_of(period.start), month_of(period.end)
    rows = (
        CubeCell.objects.filter(
            build=build,
            part=CubePart.HANDLING,
            organization_id__in=org_ids,
            resolved_month__gte=first,
            resolved_month__lte=last,
        )
        .values_list("days")
        .annotate(t=Sum("n"))
        .order_by()
    )
    return Counter(dict(rows))


def cube_overdue_count(build: CubeBuild, org_ids: list[int], today: dt.date) -> int:
    cells = CubeCell.objects.filter(build=build, part=CubePart.DUE, organization_id__in=org_ids, due_on__lt=today)
    return cells.aggregate(n=Sum("n"))["n"] or 0
