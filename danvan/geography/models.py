"""Vietnam's administrative units, current (two-level, since 1 July 2025) and historical (three-level).

Loaded from the ``vietnam-provinces`` package by ``manage.py geography_load``; nothing is hand-typed.
A petition or organisation points to the unit as it is; historical units keep their successors so an
old address can be mapped to today's commune (see docs/adr/0003-geography-versioning.md).
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _


class Era(models.TextChoices):
    CURRENT = "2025", _("since 1 July 2025 (province and commune)")
    LEGACY = "legacy", _("before 1 July 2025 (province, district and commune)")


class Level(models.TextChoices):
    PROVINCE = "province", _("province level")
    DISTRICT = "district", _("district level")
    COMMUNE = "commune", _("commune level")


class Kind(models.TextChoices):
    MUNICIPALITY = "municipality", _("centrally-run city")
    PROVINCE = "province", _("province")
    URBAN_DISTRICT = "urban_district", _("urban district")
    RURAL_DISTRICT = "rural_district", _("rural district")
    TOWN = "town", _("district-level town")
    PROVINCIAL_CITY = "provincial_city", _("provincial city")
    COMMUNE = "commune", _("commune")
    WARD = "ward", _("ward")
    TOWNSHIP = "township", _("township")
    SPECIAL_ZONE = "special_zone", _("special zone")


class AdministrativeUnitQuerySet(models.QuerySet["AdministrativeUnit"]):
    def current(self) -> AdministrativeUnitQuerySet:
        return self.filter(era=Era.CURRENT)

    def provinces(self) -> AdministrativeUnitQuerySet:
        return self.filter(level=Level.PROVINCE)

    def communes(self) -> AdministrativeUnitQuerySet:
        return self.filter(level=Level.COMMUNE)


class AdministrativeUnit(models.Model):
    era = models.CharField(_("era"), max_length=8, choices=Era.choices, default=Era.CURRENT)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    code = models.CharField(_("official code"), max_length=5)
    name = models.CharField(_("name"), max_length=120)
    name_folded = models.CharField(_("name without diacritics"), max_length=120, db_index=True, editable=False)
    codename = models.CharField(max_length=120, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    province = models.ForeignKey(
        "self", verbose_name=_("province"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    is_remote = models.BooleanField(
        _("remote or especially difficult area"),
        default=False,
        help_text=_("Remote or especially difficult area: legal time limits are longer for petitions from here."),
    )
    remote_basis = models.CharField(_("legal basis for the remote flag"), max_length=300, blank=True)
    successors = models.ManyToManyField(
        "self", through="UnitSuccession", symmetrical=False, related_name="predecessors", blank=True
    )

    objects: ClassVar[AdministrativeUnitQuerySet] = AdministrativeUnitQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("administrative unit")
        verbose_name_plural = _("administrative units")
        ordering = ["era", "code"]
        constraints = [
            models.UniqueConstraint(fields=["era", "level", "code"], name="geography_unit_unique_code"),
        ]
        indexes = [models.Index(fields=["era", "level", "province"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_current(self) -> bool:
        return self.era == Era.CURRENT

    def full_name(self) -> str:
        if self.level == Level.PROVINCE or self.province_id is None:
            return self.name
        province = self.province
        return f"{self.name}, {province.name}" if province else self.name


class UnitSuccession(models.Model):
    """A historical unit became (all or part of) a current one."""

    predecessor = models.ForeignKey(AdministrativeUnit, on_delete=models.CASCADE, related_name="+")
    successor = models.ForeignKey(AdministrativeUnit, on_delete=models.CASCADE, related_name="+")
    is_partial = models.BooleanField(_("only part of it"), default=False)
    effective_date = models.DateField(_("effective date"))

    class Meta:
        verbose_name = _("unit succession")
        verbose_name_plural = _("unit successions")
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="geography_succession_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor_id} → {self.successor_id}"
