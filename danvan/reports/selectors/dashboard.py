"""The dashboard of a scope and period, in a handful of grouped queries whatever the number of petitions.

Breakdowns (kind, status, category, commune concerned) count the petitions received in the period, by their
status today. Handling time counts the petitions resolved in the period, from receipt to resolution, in
working days of the legal calendar (``danvan.calendar``: days after receipt up to and including the day of
resolution); the 90th percentile is the nearest-rank one. The overdue list is as of today.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from danvan.accounts.models import User
from danvan.calendar.workdays import current_calendar
from danvan.cases.models import OPEN_STATUSES, Category, Kind, Petition, Status, StepDeadline
from danvan.geography.models import AdministrativeUnit
from danvan.reports.models import CubeBuild, CubePart
from danvan.reports.periods import Period
from danvan.reports.selectors.cube import (
    CUBE_MAX_AGE,
    CUBE_MIN_PETITIONS,
    cube_figures,
    cube_handling,
    cube_months,
    cube_overdue_count,
    cube_slices,
    fresh_build,
    month_of,
    scope_size,
    whole_months,
)
from danvan.reports.selectors.measures import annotate, count_kwargs, relevant
from danvan.reports.selectors.scope import ReportScope, report_petitions, scope_organizations
from danvan.reports.selectors.tables import percent

FIGURES = [
    "total",
    "carried_over",
    "received",
    "resolved",
    "processed",
    "pending",
    "resolved_on_time",
    "resolved_late",
    "resolved_at_commune",
]
OVERDUE_SHOWN = 20


@dataclass(frozen=True)
class Slice:
    value: str  # the filter value of the list it links to
    label: str
    count: int


@dataclass(frozen=True)
class Month:
    start: dt.date
    end: dt.date
    received: int
    resolved: int


@dataclass(frozen=True)
class HandlingTime:
    count: int
    mean: Decimal | None
    p90: int | None


@dataclass
class Dashboard:
    scope: ReportScope
    period: Period
    today: dt.date
    figures: dict[str, int]
    by_kind: list[Slice] = field(default_factory=list)
    by_status: list[Slice] = field(default_factory=list)
    by_category: list[Slice] = field(default_factory=list)
    by_commune: list[Slice] = field(default_factory=list)
    months: list[Month] = field(default_factory=list)
    handling: HandlingTime = HandlingTime(0, None, None)
    overdue: list[Petition] = field(default_factory=list)
    overdue_count: int = 0
    as_of: dt.datetime | None = None  # the snapshot's time when read from the pre-aggregation; None: live

    @property
    def on_time_rate(self) -> Decimal | None:
        f = self.figures
        return percent(f["resolved_on_time"], f["resolved_on_time"] + f["resolved_late"])

    @property
    def commune_share(self) -> Decimal | None:
        return percent(self.figures["resolved_at_commune"], self.figures["resolved"])


class WorkdayIndex:
    """Working days between two dates in O(1) after one pass over the calendar (prefix sums)."""

    def __init__(self, first: dt.date, last: dt.date) -> None:
        calendar = current_calendar()
        self.first = first
        self.cumulative = [0]
        day = first
        while day < last:
            day += dt.timedelta(days=1)
            self.cumulative.append(self.cumulative[-1] + calendar.is_working_day(day))

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end], as ``danvan.calendar.selectors.working_days_between``."""
        return self.cumulative[(end - self.first).days] - self.cumulative[(start - self.first).days]


def histogram_of(pairs: list[tuple[dt.date, dt.date, int]]) -> Counter[int]:
    """Working days from receipt to resolution → how many petitions, from ``(received_on, resolved_on, n)``."""
    pairs = [(r, s, n) for r, s, n in pairs if s >= r]
    histogram: Counter[int] = Counter()
    if not pairs:
        return histogram
    index = WorkdayIndex(min(r for r, _s, _n in pairs), max(s for _r, s, _n in pairs))
    for received, resolved, n in pairs:
        histogram[index.between(received, resolved)] += n
    return histogram


def handling_time(histogram: Counter[int]) -> HandlingTime:
    """Mean and nearest-rank 90th percentile of a histogram of working days."""
    total = sum(histogram.values())
    if not total:
        return HandlingTime(0, None, None)
    mean = (Decimal(sum(days * n for days, n in histogram.items())) / total).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
    rank, seen = math.ceil(0.9 * total), 0
    for days in sorted(histogram):
        seen += histogram[days]
        if seen >= rank:
            return HandlingTime(total, mean, days)
    raise AssertionError("unreachable")


def overdue_petitions(petitions: QuerySet[Petition], today: dt.date) -> QuerySet[Petition]:
    """Open petitions with an open, running step whose due date has passed."""
    late_step = StepDeadline.objects.filter(
        petition=OuterRef("pk"), completed_on__isnull=True, paused_on__isnull=True, due_on__lt=today
    )
    return petitions.filter(Exists(late_step), status__in=OPEN_STATUSES)


def _labelled(counts: Counter[str], labels: dict[str, str]) -> list[Slice]:
    return [
        Slice(value, labels.get(value, value or "—"), n)
        for value, n in sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))
        if n
    ]


def _slices(
    board: Dashboard, kinds: Counter[str], statuses: Counter[str], categories: Counter[str], communes: Counter[str]
) -> None:
    board.by_kind = _labelled(kinds, {k.value: str(k.label) for k in Kind})
    board.by_status = _labelled(statuses, {s.value: str(s.label) for s in Status})
    category_names = dict(Category.objects.filter(pk__in=[c for c in categories if c]).values_list("pk", "name"))
    board.by_category = _labelled(categories, {str(pk): name for pk, name in category_names.items()})
    unit_ids = [int(u) for u in communes if u.isdigit()]
    unit_names = dict(AdministrativeUnit.objects.filter(pk__in=unit_ids).values_list("pk", "name"))
    board.by_commune = _labelled(communes, {str(pk): name for pk, name in unit_names.items()})


def _overdue_list(base: QuerySet[Petition], today: dt.date) -> list[Petition]:
    """The petitions whose overdue step fell due first, read along the deadlines' (completed_on, due_on) index."""
    steps = StepDeadline.objects.filter(
        completed_on__isnull=True,
        paused_on__isnull=True,
        due_on__lt=today,
        petition__in=base.filter(status__in=OPEN_STATUSES).values("pk"),
    ).order_by("completed_on", "due_on")  # the index's own order (completed_on is NULL here): no sort
    rows = sorted(steps.values_list("due_on", "petition_id")[: OVERDUE_SHOWN * 3])
    ids = list(dict.fromkeys(petition_id for _due, petition_id in rows))[:OVERDUE_SHOWN]
    petitions = Petition.objects.filter(pk__in=ids).select_related("unit", "handling_organization").in_bulk()
    return [petitions[pk] for pk in ids]


def dashboard(*, user: User, scope: ReportScope, period: Period, today: dt.date) -> Dashboard:
    """From the pre-aggregation when it is fresh, the scope large and the period whole report months."""
    org_ids = list(scope_organizations(user=user, scope=scope).values_list("pk", flat=True))
    build = fresh_build() if whole_months(period) else None
    if build is not None and scope_size(build, org_ids) >= CUBE_MIN_PETITIONS:
        return dashboard_from_cube(user=user, scope=scope, period=period, today=today, build=build, org_ids=org_ids)
    return dashboard_direct(user=user, scope=scope, period=period, today=today)


def _cube_parts(build: CubeBuild, org_ids: list[int], period: Period, today: dt.date) -> dict[str, Any]:
    """What the snapshot says about a scope and period. A snapshot never changes, so this is cached by
    snapshot: still exactly the snapshot's numbers (the overdue list, read live, is not cached)."""
    digest = hashlib.sha256(",".join(map(str, sorted(org_ids))).encode()).hexdigest()[:16]
    key = f"reports:cube:{build.pk}:{period.code}:{today.isoformat()}:{digest}"
    parts: dict[str, Any] | None = cache.get(key)
    if parts is None:
        parts = {
            "figures": cube_figures(build, org_ids, period),
            "slices": cube_slices(build, org_ids, period),
            "months": cube_months(build, org_ids, period),
            "handling": cube_handling(build, org_ids, period),
            "overdue_count": cube_overdue_count(build, org_ids, today),
        }
        cache.set(key, parts, int(CUBE_MAX_AGE.total_seconds()))
    return parts


def dashboard_from_cube(
    *, user: User, scope: ReportScope, period: Period, today: dt.date, build: CubeBuild, org_ids: list[int]
) -> Dashboard:
    parts = _cube_parts(build, org_ids, period, today)
    board = Dashboard(scope, period, today, parts["figures"], as_of=build.built_at)
    slices = parts["slices"]
    _slices(board, slices[CubePart.KIND], slices[CubePart.STATUS], slices[CubePart.CATEGORY], slices[CubePart.UNIT])
    received, resolved = parts["months"]
    for start, end in period.months():
        month = month_of(end)
        board.months.append(Month(start, end, received.get(month, 0), resolved.get(month, 0)))
    board.handling = handling_time(parts["handling"])
    board.overdue_count = parts["overdue_count"]
    board.overdue = _overdue_list(report_petitions(user=user, scope=scope), today)
    return board


def dashboard_direct(*, user: User, scope: ReportScope, period: Period, today: dt.date) -> Dashboard:
    base = report_petitions(user=user, scope=scope)
    annotated = annotate(base).filter(relevant(period.start, period.end))
    counts = annotated.aggregate(**count_kwargs(FIGURES, period.start, period.end))
    figures = {name: counts[f"m{i}"] or 0 for i, name in enumerate(FIGURES)}
    board = Dashboard(scope, period, today, figures)

    received = base.filter(received_on__gte=period.start, received_on__lte=period.end)
    kinds: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    categories: Counter[str] = Counter()
    communes: Counter[str] = Counter()
    grouped = received.values_list("kind", "status", "category_id", "unit_id").annotate(n=Count("pk")).order_by()
    for kind, status, category, unit, n in grouped:
        kinds[kind] += n
        statuses[status] += n
        categories[str(category or "")] += n
        communes[str(unit)] += n
    _slices(board, kinds, statuses, categories, communes)

    per_day_received = dict(received.values_list("received_on").annotate(n=Count("pk")).order_by())
    resolved_pairs = list(
        annotate(base, deadline=False)
        .filter(Q(resolved_on__gte=period.start, resolved_on__lte=period.end))
        .values_list("received_on", "resolved_on")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for start, end in period.months():
        board.months.append(
            Month(
                start,
                end,
                sum(n for day, n in per_day_received.items() if start <= day <= end),
                sum(n for _r, day, n in resolved_pairs if start <= day <= end),
            )
        )
    board.handling = handling_time(histogram_of(resolved_pairs))
    board.overdue_count = overdue_petitions(base, today).count()
    board.overdue = _overdue_list(base, today)
    return board
