"""Published survey results: per organisation and year, only once enough people answered that no single
answer can be singled out (``MIN_PUBLISHED``). Comments are never published."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Avg, Count, Q, QuerySet

from danvan.accounts.models import Organization
from danvan.core.text import fold
from danvan.feedback.models import CRITERIA, SurveyResponse

MIN_PUBLISHED = 5


@dataclass(frozen=True)
class PublishedResult:
    organization: Organization
    year: int
    count: int
    averages: dict[str, Decimal]  # per criterion, 1–5
    index: Decimal  # the satisfaction index: share of the maximum score, in percent

    @property
    def rows(self) -> list[tuple[str, Decimal]]:
        return [(str(label), self.averages[name]) for name, label in CRITERIA]


def _round(value: float | Decimal | None, places: str = "0.01") -> Decimal:
    return Decimal(str(value or 0)).quantize(Decimal(places), rounding=ROUND_HALF_UP)


def survey_organizations(*, query: str = "") -> QuerySet[Organization]:
    orgs = Organization.objects.filter(is_active=True).select_related("unit").order_by("name")
    if query:
        words = fold(query).split()
        matching = [pk for pk, name in orgs.values_list("pk", "name") if all(w in fold(name) for w in words)]
        orgs = orgs.filter(pk__in=matching)
    return orgs


def published_results(*, year: int, organization: Organization | None = None) -> list[PublishedResult]:
    responses = SurveyResponse.objects.filter(year=year)
    if organization is not None:
        responses = responses.filter(organization=organization)
    averages = {name: Avg(name) for name, _label in CRITERIA}
    grouped = (
        responses.values("organization_id")
        .annotate(n=Count("pk"), **averages)
        .filter(Q(n__gte=MIN_PUBLISHED))
        .order_by("organization_id")
    )
    rows: list[dict[str, Any]] = [dict(row) for row in grouped]
    orgs = Organization.objects.in_bulk([row["organization_id"] for row in rows])
    results = []
    for row in rows:
        means = {name: _round(row[name]) for name, _label in CRITERIA}
        overall = sum((Decimal(str(row[name])) for name, _label in CRITERIA), Decimal(0)) / len(CRITERIA)
        index = _round((overall - 1) * 25, "0.1")  # 1 → 0 %, 5 → 100 %
        results.append(PublishedResult(orgs[row["organization_id"]], year, row["n"], means, index))
    return sorted(results, key=lambda r: (-r.index, r.organization.name))


def response_count(*, organization: Organization, year: int) -> int:
    return SurveyResponse.objects.filter(organization=organization, year=year).count()
