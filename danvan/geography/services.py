from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from danvan.audit.services import audit_record
from danvan.core.text import fold, normalize
from danvan.geography.errors import GeographyErrorCode, geography_error
from danvan.geography.models import AdministrativeUnit, Era, Level, UnitSuccession

if TYPE_CHECKING:  # the source package costs ≈ 200 MiB: imported by the load only, never by a request
    from danvan.geography import sources

REFORM_DATE = dt.date(2025, 7, 1)
LEGACY_LAST_DAY = dt.date(2025, 6, 30)
_UPDATED_FIELDS = ["kind", "name", "name_folded", "codename", "valid_from", "valid_to"]


@dataclass(frozen=True)
class LoadResult:
    current_provinces: int
    current_communes: int
    legacy_provinces: int
    legacy_districts: int
    legacy_communes: int
    successions: int
    unmatched_successions: int


def _upsert(
    rows: Iterable[sources.UnitRow],
    *,
    era: str,
    level: str,
    parents: dict[str, int],
    provinces: dict[str, int],
) -> dict[str, int]:
    valid_from, valid_to = (REFORM_DATE, None) if era == Era.CURRENT else (None, LEGACY_LAST_DAY)
    units = []
    for row in rows:
        name = normalize(row.name)
        units.append(
            AdministrativeUnit(
                era=era,
                level=level,
                kind=row.kind,
                code=row.code,
                name=name,
                name_folded=fold(name),
                codename=row.codename,
                parent_id=parents.get(row.parent_code) if row.parent_code else None,
                province_id=provinces.get(row.province_code) if row.province_code else None,
                valid_from=valid_from,
                valid_to=valid_to,
            )
        )
    AdministrativeUnit.objects.bulk_create(
        units,
        batch_size=1000,
        update_conflicts=True,
        unique_fields=["era", "level", "code"],
        update_fields=[*_UPDATED_FIELDS, "parent", "province"],
    )
    return dict(AdministrativeUnit.objects.filter(era=era, level=level).values_list("code", "id"))


def _fix_province_self_links(era: str) -> None:
    # A province's ``province`` is itself, so "every unit of province P" is one indexed filter.
    for unit in AdministrativeUnit.objects.filter(era=era, level=Level.PROVINCE, province__isnull=True):
        AdministrativeUnit.objects.filter(pk=unit.pk).update(province_id=unit.pk)


@transaction.atomic
def geography_load(
    *, actor: AbstractBaseUser | None = None, progress: Callable[[str, int], None] | None = None
) -> LoadResult:
    """Load (or refresh) every unit and the old → new mapping. Idempotent; keeps the remote flags."""
    from danvan.geography import sources  # heavy: see the TYPE_CHECKING import above

    def step(label: str, count: int) -> None:
        if progress is not None:
            progress(label, count)

    provinces = _upsert(sources.current_provinces(), era=Era.CURRENT, level=Level.PROVINCE, parents={}, provinces={})
    _fix_province_self_links(Era.CURRENT)
    step("current provinces", len(provinces))
    communes = _upsert(
        sources.current_communes(),
        era=Era.CURRENT,
        level=Level.COMMUNE,
        parents=provinces,
        provinces=provinces,
    )
    step("current communes", len(communes))
    old_provinces = _upsert(sources.legacy_provinces(), era=Era.LEGACY, level=Level.PROVINCE, parents={}, provinces={})
    _fix_province_self_links(Era.LEGACY)
    step("legacy provinces", len(old_provinces))
    old_districts = _upsert(
        sources.legacy_districts(),
        era=Era.LEGACY,
        level=Level.DISTRICT,
        parents=old_provinces,
        provinces=old_provinces,
    )
    step("legacy districts", len(old_districts))
    old_communes = _upsert(
        sources.legacy_communes(),
        era=Era.LEGACY,
        level=Level.COMMUNE,
        parents=old_districts,
        provinces=old_provinces,
    )
    step("legacy communes", len(old_communes))

    links, unmatched = [], 0
    for link in sources.successions():
        old_ids, new_ids = (old_provinces, provinces) if link.level == Level.PROVINCE else (old_communes, communes)
        if link.old_code not in old_ids or link.new_code not in new_ids:
            # The conversion table names a few units created after the historical list was taken.
            unmatched += 1
            continue
        links.append(
            UnitSuccession(
                predecessor_id=old_ids[link.old_code],
                successor_id=new_ids[link.new_code],
                is_partial=link.is_partial,
                effective_date=REFORM_DATE,
            )
        )
    UnitSuccession.objects.bulk_create(
        links,
        batch_size=2000,
        update_conflicts=True,
        unique_fields=["predecessor", "successor"],
        update_fields=["is_partial", "effective_date"],
    )
    step("successions", len(links))
    result = LoadResult(
        current_provinces=len(provinces),
        current_communes=len(communes),
        legacy_provinces=len(old_provinces),
        legacy_districts=len(old_districts),
        legacy_communes=len(old_communes),
        successions=len(links),
        unmatched_successions=unmatched,
    )
    audit_record(actor=actor, action="geography.loaded", data=result.__dict__ | {"source": sources.source_version()})
    return result


@transaction.atomic
def unit_set_remote(
    *, actor: AbstractBaseUser, unit: AdministrativeUnit, is_remote: bool, basis: str
) -> AdministrativeUnit:
    """Flag a unit as a remote or especially difficult area (vùng sâu, vùng xa), with its legal basis."""
    basis = normalize(basis)
    if is_remote and not basis:
        raise geography_error(GeographyErrorCode.BASIS_REQUIRED)
    unit.is_remote, unit.remote_basis = is_remote, basis if is_remote else ""
    unit.save(update_fields=["is_remote", "remote_basis"])
    audit_record(
        actor=actor,
        action="geography.remote_flag_set",
        target=unit,
        data={"is_remote": is_remote, "basis": unit.remote_basis},
    )
    return unit
