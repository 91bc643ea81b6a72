"""Adapter over the ``vietnam-provinces`` package: the only module that knows its API.

The old → new mapping comes from the package's conversion tables (generated from the official
conversion list of the Ministry of Home Affairs, effective 1 July 2025).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

import vietnam_provinces
from vietnam_provinces import Province, VietNamDivisionType, Ward, legacy
from vietnam_provinces import _province_conversion_2025 as province_conversion
from vietnam_provinces import _ward_conversion_2025 as ward_conversion

from danvan.geography.models import Kind, Level


class UnitRow(NamedTuple):
    code: str
    name: str
    kind: str
    codename: str
    parent_code: str | None
    province_code: str | None


class SuccessionRow(NamedTuple):
    level: str
    old_code: str
    new_code: str
    is_partial: bool


_KINDS = {
    "tỉnh": Kind.PROVINCE,
    "thành phố trung ương": Kind.MUNICIPALITY,
    "huyện": Kind.RURAL_DISTRICT,
    "quận": Kind.URBAN_DISTRICT,
    "thị xã": Kind.TOWN,
    "thành phố": Kind.PROVINCIAL_CITY,
    "xã": Kind.COMMUNE,
    "phường": Kind.WARD,
    "thị trấn": Kind.TOWNSHIP,
    "đặc khu": Kind.SPECIAL_ZONE,
}


def _kind(division_type: VietNamDivisionType | legacy.VietNamDivisionType) -> str:
    return _KINDS[str(division_type.value)]


def province_code(value: int) -> str:
    return f"{value:02d}"


def district_code(value: int) -> str:
    return f"{value:03d}"


def commune_code(value: int) -> str:
    return f"{value:05d}"


def source_version() -> str:
    return f"vietnam-provinces {vietnam_provinces.__version__} (data {vietnam_provinces.__data_version__})"


def current_provinces() -> Iterator[UnitRow]:
    for p in Province.iter_all():
        yield UnitRow(province_code(p.code.value), p.name, _kind(p.division_type), p.codename, None, None)


def current_communes() -> Iterator[UnitRow]:
    for w in Ward.iter_all():
        code = province_code(w.province_code.value)
        yield UnitRow(commune_code(w.code.value), w.name, _kind(w.division_type), w.codename, code, code)


def legacy_provinces() -> Iterator[UnitRow]:
    for p in legacy.Province.iter_all():
        yield UnitRow(province_code(p.code.value), p.name, _kind(p.division_type), p.codename, None, None)


def legacy_districts() -> Iterator[UnitRow]:
    for d in legacy.District.iter_all():
        code = province_code(d.province_code.value)
        yield UnitRow(district_code(d.code.value), d.name, _kind(d.division_type), d.codename, code, code)


def legacy_communes() -> Iterator[UnitRow]:
    districts = {d.code.value: d.province_code.value for d in legacy.District.iter_all()}
    for w in legacy.Ward.iter_all():
        yield UnitRow(
            commune_code(w.code.value),
            w.name,
            _kind(w.division_type),
            w.codename,
            district_code(w.district_code.value),
            province_code(districts[w.district_code.value]),
        )


def successions() -> Iterator[SuccessionRow]:
    for old_code, p_entry in province_conversion.OLD_TO_NEW.items():
        many = len(p_entry.new_provinces) > 1
        for new_province in p_entry.new_provinces:
            yield SuccessionRow(Level.PROVINCE, province_code(old_code), province_code(new_province.code), many)
    for old_code, w_entry in ward_conversion.OLD_TO_NEW.items():
        for new in w_entry.new_wards:
            yield SuccessionRow(
                Level.COMMUNE,
                commune_code(old_code),
                commune_code(new.code),
                w_entry.old_ward.is_partly_merged,
            )
