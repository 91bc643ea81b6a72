"""The 12-digit personal identification number (số định danh cá nhân, on the căn cước card).

Digits 1–3: the province where the birth was registered — from the historical list of 63 provinces
(001 Hà Nội … 096 Cà Mau; IDs issued before the 2025 merger keep them) — or a country code for a
birth registered abroad. Digit 4: century and sex (1900s: 0 male, 1 female; 2000s: 2/3; 2100s: 4/5 …).
Digits 5–6: the last two digits of the birth year. Digits 7–12: random. (TT 59/2021/TT-BCA; LEGAL_BRIEF §5.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import iso3166
from vietnam_provinces import legacy

_PATTERN = re.compile(r"^\d{12}$")


@cache
def birth_province_codes() -> frozenset[str]:
    return frozenset(f"0{p.code.value:02d}" for p in legacy.Province.iter_all())


@cache
def country_codes() -> frozenset[str]:
    return frozenset(c.numeric for c in iso3166.countries if c.numeric != "704")


@dataclass(frozen=True)
class PersonalIdProblem:
    code: str
    message: str


def personal_id_problems(value: str, *, birth_year: int | None = None) -> list[PersonalIdProblem]:
    """Problems with ``value`` as a personal ID (an empty list means it is valid)."""
    from django.utils import timezone
    from django.utils.translation import gettext as _

    digits = re.sub(r"[\s.\-]", "", value or "")
    if not _PATTERN.match(digits):
        return [PersonalIdProblem("format", _("The personal ID number has exactly 12 digits."))]
    problems = []
    place = digits[:3]
    if place not in birth_province_codes() and place not in country_codes():
        problems.append(
            PersonalIdProblem(
                "place", _("The first 3 digits (%(code)s) are not a province or country code.") % {"code": place}
            )
        )
    century_digit = int(digits[3])
    century = 1900 + (century_digit // 2) * 100
    year = century + int(digits[4:6])
    if year > timezone.localdate().year:
        problems.append(
            PersonalIdProblem(
                "future",
                _("Digits 4–6 of the ID give the birth year %(id_year)s, which has not come yet.") % {"id_year": year},
            )
        )
    elif birth_year is not None and birth_year != year:
        problems.append(
            PersonalIdProblem(
                "birth_year",
                _("Digits 4–6 of the ID give the birth year %(id_year)s, not %(year)s.")
                % {"id_year": year, "year": birth_year},
            )
        )
    return problems


def normalize_personal_id(value: str) -> str:
    return re.sub(r"[\s.\-]", "", value or "")


def personal_id_birth_year(value: str) -> int:
    digits = normalize_personal_id(value)
    return 1900 + (int(digits[3]) // 2) * 100 + int(digits[4:6])
