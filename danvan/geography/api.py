from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router, Schema

from danvan.core.api import PUBLIC_ERRORS, ErrorOut
from danvan.geography.models import Era
from danvan.geography.schemas import UnitDetailOut, UnitOut
from danvan.geography.selectors import unit_get, unit_search, unit_successors

router = Router(tags=["geography"])


class UnitFilter(Schema):
    q: str = ""
    era: Era = Era.CURRENT
    level: str | None = None
    province_id: int | None = None
    limit: int = 20


@router.get(
    "/units", response={200: list[UnitOut], **PUBLIC_ERRORS}, auth=None, summary="Search administrative units by name"
)
def units(request: HttpRequest, filters: Query[UnitFilter]) -> list[UnitOut]:
    """Accent-insensitive: "ha noi", "Hà Nội" and "HA NOI" give the same units. Public."""
    limit = max(1, min(filters.limit, 100))
    found = unit_search(
        query=filters.q, era=filters.era, level=filters.level, province_id=filters.province_id, limit=limit
    )
    return [UnitOut.from_orm(unit) for unit in found]


@router.get(
    "/units/{unit_id}",
    response={200: UnitDetailOut, **PUBLIC_ERRORS, 404: ErrorOut},
    auth=None,
    summary="One administrative unit",
)
def unit(request: HttpRequest, unit_id: int) -> UnitDetailOut:
    found = unit_get(unit_id=unit_id)
    out = UnitOut.from_orm(found).dict()
    return UnitDetailOut(**out, successors=[UnitOut.from_orm(s) for s in unit_successors(unit=found)])
