"""Read-only figures over complex cases: the burn-down of a reduction plan and the level at which cases and
petitions were first resolved ("giải quyết ngay tại cơ sở")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from danvan.accounts.models import User
from danvan.cases.models import CaseEvent
from danvan.cases.selectors import petition_list_for_user
from danvan.geography.models import Level
from danvan.reception.models import ComplexCase, ReductionPlan, ResolutionLevel
from danvan.reception.selectors import complex_list_for_user


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, 3 * quarter - 2, 1)
    end = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
    return start, end - dt.timedelta(days=1)


def open_cases_on(*, organizations: list[int], day: dt.date) -> int:
    """Complex cases of these organisations that had arisen and were not yet resolved on ``day``."""
    return (
        ComplexCase.objects.filter(organization_id__in=organizations, opened_on__lte=day)
        .filter(Q(resolved_on__isnull=True) | Q(resolved_on__gt=day))
        .count()
    )


@dataclass(frozen=True)
class BurnDownRow:
    quarter: int
    end: dt.date
    target: int
    actual: int | None  # None: the quarter has not begun
    as_of: dt.date | None

    @property
    def met(self) -> bool | None:
        return None if self.actual is None else self.actual <= self.target

    @property
    def gap(self) -> int | None:
        return None if self.actual is None else self.actual - self.target


def burn_down(*, plan: ReductionPlan, today: dt.date) -> list[BurnDownRow]:
    rows = []
    for target in plan.targets.order_by("quarter"):
        start, end = quarter_bounds(plan.year, target.quarter)
        as_of = min(end, today) if start <= today else None
        actual = open_cases_on(organizations=[plan.organization_id], day=as_of) if as_of else None
        rows.append(BurnDownRow(target.quarter, end, target.target_open, actual, as_of))
    return rows


@dataclass(frozen=True)
class LevelShare:
    total: int
    commune: int
    province: int

    @property
    def commune_share(self) -> float | None:
        return round(100 * self.commune / self.total, 1) if self.total else None


def complex_resolution_levels(*, user: User, year: int) -> LevelShare:
    cases = complex_list_for_user(user=user).filter(resolved_on__year=year)
    levels = list(cases.values_list("resolution_level", flat=True))
    return LevelShare(len(levels), levels.count(ResolutionLevel.COMMUNE), levels.count(ResolutionLevel.PROVINCE))


def petition_resolution_levels(*, user: User, year: int) -> LevelShare:
    """Petitions concluded in ``year``: the level of the organisation that first concluded each one."""
    events = (
        CaseEvent.objects.filter(
            action="concluded", petition__in=petition_list_for_user(user=user), created_at__year=year
        )
        .order_by("petition_id", "created_at", "id")
        .values_list("petition_id", "organization__unit__level")
    )
    first: dict[int, str | None] = {}
    for petition_id, level in events:
        first.setdefault(petition_id, level)
    levels = list(first.values())
    commune = sum(1 for level in levels if level == Level.COMMUNE)
    return LevelShare(len(levels), commune, sum(1 for level in levels if level == Level.PROVINCE))


def svg_points(rows: list[BurnDownRow], baseline: int, *, width: int = 320, height: int = 160) -> dict[str, str]:
    """Polyline points of target and actual (start of year, then each quarter's end), for an SVG chart."""
    top = max([baseline, *(r.target for r in rows), *(r.actual or 0 for r in rows)], default=1) or 1
    step = width / 4

    def point(index: int, value: int) -> str:
        return f"{index * step:.0f},{height - value * height / top:.0f}"

    target = [point(0, baseline)] + [point(i, r.target) for i, r in enumerate(rows, start=1)]
    actual = [point(0, baseline)] + [point(i, r.actual) for i, r in enumerate(rows, start=1) if r.actual is not None]
    return {"target": " ".join(target), "actual": " ".join(actual), "top": str(top)}
