"""Citizens' ratings of the handling of their own petitions (``Petition.rating``, 1–5), by organisation and by
officer (the petition's handler). Shown only to leaders: the head of the organisation, and the heads of the
province-level organisations for every organisation of their province."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, QuerySet

from danvan.accounts.models import Organization, Role, User
from danvan.accounts.selectors import user_memberships
from danvan.cases.models import Petition
from danvan.geography.models import Level
from danvan.reports.periods import Period


@dataclass(frozen=True)
class RatingRow:
    key: int | None
    name: str
    organization: str
    count: int
    average: Decimal | None
    distribution: tuple[int, int, int, int, int]  # how many 1s … 5s


def led_organizations(*, user: User) -> QuerySet[Organization]:
    """Organisations whose ratings the user may read: those they head and, for the head of a province-level
    organisation, every organisation of that province."""
    heads = [m for m in user_memberships(user=user) if m.role == Role.UNIT_HEAD]
    if not heads:
        return Organization.objects.none()
    condition = Q(pk__in=[m.organization_id for m in heads])
    provinces = [m.organization.unit_id for m in heads if m.organization.unit.level == Level.PROVINCE]
    if provinces:
        condition |= Q(unit__province_id__in=provinces)
    return Organization.objects.filter(condition).select_related("unit")


def _rows(petitions: QuerySet[Petition], group: list[str]) -> list[dict]:
    counts = {f"r{score}": Count("pk", filter=Q(rating=score)) for score in range(1, 6)}
    return list(petitions.values(*group).annotate(n=Count("pk"), **counts).order_by(*group))


def _row(key: int | None, name: str, organization: str, data: dict) -> RatingRow:
    distribution = tuple(data[f"r{score}"] for score in range(1, 6))
    total = sum(score * n for score, n in zip(range(1, 6), distribution, strict=True))
    average = (Decimal(total) / data["n"]).quantize(Decimal("0.01"), ROUND_HALF_UP) if data["n"] else None
    return RatingRow(key, name, organization, data["n"], average, distribution)


def ratings(*, user: User, period: Period) -> tuple[list[RatingRow], list[RatingRow]]:
    """(by organisation, by officer) for petitions resolved in the period and rated by their citizen."""
    orgs = {org.pk: org for org in led_organizations(user=user)}
    petitions = Petition.objects.filter(handling_organization_id__in=list(orgs), rating__isnull=False).filter(
        Q(concluded_on__gte=period.start, concluded_on__lte=period.end)
        | Q(concluded_on__isnull=True, closed_on__gte=period.start, closed_on__lte=period.end)
    )
    by_org = [
        _row(d["handling_organization_id"], orgs[d["handling_organization_id"]].name, "", d)
        for d in _rows(petitions, ["handling_organization_id"])
    ]
    by_officer = [
        _row(
            d["handler_id"],
            d["handler__full_name"] or d["handler__username"] or "—",
            orgs[d["handling_organization_id"]].name,
            d,
        )
        for d in _rows(petitions, ["handling_organization_id", "handler_id", "handler__full_name", "handler__username"])
    ]
    return by_org, by_officer
