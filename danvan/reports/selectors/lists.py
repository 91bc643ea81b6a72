"""The petitions behind a number: every figure on a dashboard or in a table links here with the same
measure, period, scope and breakdown, so the list's length is the number clicked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from danvan.accounts.models import User
from danvan.cases.models import Petition
from danvan.reports.periods import Period
from danvan.reports.selectors.dashboard import overdue_petitions
from danvan.reports.selectors.measures import FORWARDED, MEASURES, annotate, relevant
from danvan.reports.selectors.scope import PROVINCE, ReportScope, report_petitions
from danvan.reports.selectors.tables import forwarding_slips

OVERDUE = "overdue"
LISTABLE = set(MEASURES) | {OVERDUE, FORWARDED}
BREAKDOWNS = ("kind", "status", "category", "unit")


@dataclass(frozen=True)
class ListFilter:
    measure: str
    kind: str = ""
    status: str = ""
    category: str = ""  # a category id, or "none"
    unit: str = ""  # the commune concerned (Petition.unit)
    row: str = ""  # a table row: "u<unit id>" (handling organisation's unit) or "o<organisation id>"


def counted_petitions(
    *, user: User, scope: ReportScope, period: Period, wanted: ListFilter, today: dt.date | None = None
) -> QuerySet[Petition]:
    base = report_petitions(user=user, scope=scope)
    if wanted.measure == OVERDUE:
        petitions = overdue_petitions(base, today or timezone.localdate())
    elif wanted.measure == FORWARDED:
        slips = forwarding_slips(scope=scope, user=user, period=period)
        petitions = Petition.objects.filter(pk__in=slips.values("petition_id"))
        if wanted.row:
            group = "from_organization__unit_id" if scope.kind == PROVINCE else "from_organization_id"
            petitions = Petition.objects.filter(pk__in=slips.filter(**{group: wanted.row[1:]}).values("petition_id"))
        return petitions.select_related("handling_organization", "unit", "category", "handler")
    else:
        petitions = annotate(base).filter(relevant(period.start, period.end))
        petitions = petitions.filter(MEASURES[wanted.measure](period.start, period.end))
    for name in ("kind", "status"):
        if getattr(wanted, name):
            petitions = petitions.filter(**{name: getattr(wanted, name)})
    if wanted.category == "none":
        petitions = petitions.filter(category__isnull=True)
    elif wanted.category:
        petitions = petitions.filter(category_id=int(wanted.category))
    if wanted.unit:
        petitions = petitions.filter(unit_id=int(wanted.unit))
    if wanted.row.startswith("u"):
        petitions = petitions.filter(handling_organization__unit_id=int(wanted.row[1:]))
    elif wanted.row.startswith("o"):
        petitions = petitions.filter(handling_organization_id=int(wanted.row[1:]))
    return petitions.select_related("handling_organization", "unit", "category", "handler")
