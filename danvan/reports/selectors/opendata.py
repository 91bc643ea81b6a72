"""Open data: statistics per organisation and kind of petition for a period. No personal data: only counts,
organisation names and official administrative-unit codes. Public, the same for everyone."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db.models import Count

from danvan.cases.models import Petition
from danvan.reports.periods import Period
from danvan.reports.selectors.measures import annotate, count_kwargs, relevant

OPEN_MEASURES = ["carried_over", "received", "resolved", "resolved_on_time", "resolved_late", "pending"]
FIELDS = [
    "period_start",
    "period_end",
    "province_code",
    "unit_code",
    "organization_id",
    "organization",
    "kind",
    *OPEN_MEASURES,
]
CACHE_SECONDS = 15 * 60  # published statistics are refreshed every 15 minutes


def open_statistics(*, period: Period) -> list[dict[str, Any]]:
    key = f"reports:opendata:{period.code}"
    rows: list[dict[str, Any]] | None = cache.get(key)
    if rows is None:
        rows = _compute(period)
        cache.set(key, rows, CACHE_SECONDS)
    return rows


def _compute(period: Period) -> list[dict[str, Any]]:
    petitions = annotate(Petition.objects.all()).filter(relevant(period.start, period.end))
    group = [
        "handling_organization_id",
        "handling_organization__name",
        "handling_organization__unit__code",
        "handling_organization__unit__province__code",
        "kind",
    ]
    counts = count_kwargs(OPEN_MEASURES, period.start, period.end)
    rows = []
    for data in petitions.values(*group).annotate(**counts, n=Count("pk")).order_by(*group):
        rows.append(
            {
                "period_start": period.start.isoformat(),
                "period_end": period.end.isoformat(),
                "province_code": data["handling_organization__unit__province__code"] or "",
                "unit_code": data["handling_organization__unit__code"],
                "organization_id": data["handling_organization_id"],
                "organization": data["handling_organization__name"],
                "kind": data["kind"],
                **{name: data[f"m{i}"] for i, name in enumerate(OPEN_MEASURES)},
            }
        )
    return [row for row in rows if any(row[name] for name in OPEN_MEASURES)]
