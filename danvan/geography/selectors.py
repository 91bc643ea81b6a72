from __future__ import annotations

import re

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.db.models.functions import Length

from danvan.core.text import fold, normalize
from danvan.geography.models import AdministrativeUnit, Era

MAX_QUERY_LENGTH = 100


def unit_search(
    *,
    query: str,
    era: str = Era.CURRENT,
    level: str | None = None,
    province_id: int | None = None,
    limit: int = 20,
) -> QuerySet[AdministrativeUnit]:
    """Accent-insensitive search by name: "ha noi", "Hà Nội" and "HA NOI" find the same unit, đ matches d.

    Exact names (with their diacritics) come first, then names that start with the query, then the rest;
    shorter names before longer ones. An empty query gives an empty result.
    """
    text = normalize(query)[:MAX_QUERY_LENGTH]
    folded = fold(text)
    if not folded:
        return AdministrativeUnit.objects.none()
    units = AdministrativeUnit.objects.filter(era=era, name_folded__contains=folded).select_related("province")
    if level:
        units = units.filter(level=level)
    if province_id:
        units = units.filter(province_id=province_id)
    rank = Case(
        When(name__iexact=text, then=Value(0)),
        When(name__icontains=text, then=Value(1)),
        When(name_folded__startswith=folded, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )
    return units.annotate(rank=rank, name_length=Length("name")).order_by("rank", "level", "name_length", "code")[
        :limit
    ]


def unit_get(*, unit_id: int) -> AdministrativeUnit:
    return AdministrativeUnit.objects.select_related("province", "parent").get(pk=unit_id)


def unit_successors(*, unit: AdministrativeUnit) -> QuerySet[AdministrativeUnit]:
    return unit.successors.select_related("province").order_by("code")


def communes_of_province(*, province: AdministrativeUnit) -> QuerySet[AdministrativeUnit]:
    return AdministrativeUnit.objects.filter(era=province.era, level="commune", province=province).order_by("name")


_NOT_WORD = re.compile(r"[^a-z0-9]+")
_PROVINCE_KINDS = ("tinh ", "thanh pho ")


def _words(text: str) -> str:
    return f" {_NOT_WORD.sub(' ', fold(text)).strip()} "


def communes_named_in(*, text: str) -> list[AdministrativeUnit]:
    """The current communes whose full name ("Phường Tân Phong", "Xã Phong Thổ") appears in ``text`` as
    whole words, accent- and case-insensitively ("to 5, phuong tan phong, lai chau" names Phường Tân
    Phong). When several do, only those whose province is named too ("Lai Châu", "tỉnh Lai Châu"), if any.
    An empty list when none is named."""
    words = _words(text[:1000])
    if not words.strip():
        return []
    rows = AdministrativeUnit.objects.current().communes().values_list("pk", "name_folded", "province__name_folded")
    hits = [(pk, province or "") for pk, name, province in rows if name and _words(name) in words]
    if len(hits) > 1:
        named = [
            (pk, province)
            for pk, province in hits
            if province and any(_words(province.removeprefix(kind)) in words for kind in ("", *_PROVINCE_KINDS))
        ]
        hits = named or hits
    units = AdministrativeUnit.objects.filter(pk__in=[pk for pk, _province in hits]).select_related("province")
    return list(units.order_by("code"))
