"""The law of citizen reception as data: heads' reception duties, legal figures, refusal grounds, and the
platform's own thresholds. Seeded by migrations with their citation; a change of the law adds a version."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from danvan.reception.models.choices import DutyPeriod, HeadPosition


class VersionedRule(models.Model):
    """In force on ``effective_from <= day < effective_to`` (an empty ``effective_to``: until further notice)."""

    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(
        _("effective until"),
        null=True,
        blank=True,
        help_text=_("First day on which this version no longer applies; empty while it is in force."),
    )
    citation = models.CharField(_("legal citation"), max_length=300)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        abstract = True

    def in_force_on(self, day: dt.date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day < self.effective_to)


class ReceptionDutyRule(VersionedRule):
    """How many days per week or month a head must receive citizens in person, and whether a deputy may
    stand in (LEGAL_BRIEF §3.1)."""

    position = models.CharField(_("position"), max_length=40, choices=HeadPosition.choices)
    days_required = models.PositiveSmallIntegerField(_("days of reception required"))
    period = models.CharField(_("per"), max_length=10, choices=DutyPeriod.choices)
    delegation_allowed = models.BooleanField(_("a deputy may receive in the head's place"), default=False)

    class Meta:
        verbose_name = _("reception duty rule")
        verbose_name_plural = _("reception duty rules")
        ordering = ["position", "effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["position", "effective_from"], name="reception_duty_unique_version"),
            models.CheckConstraint(
                condition=Q(effective_to__isnull=True) | Q(effective_to__gt=F("effective_from")),
                name="reception_duty_period_valid",
            ),
            models.CheckConstraint(condition=Q(days_required__gte=1), name="reception_duty_days_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.get_position_display()}: {self.days_required}/{self.get_period_display()}"


class ReceptionRule(VersionedRule):
    """A legal figure of reception that is not a time limit: the size of a crowd, how many representatives
    a group may choose, from when citizens may book online. ``people_from``/``people_to`` bound the group
    size a row applies to (0 and empty: any size)."""

    code = models.CharField(_("code"), max_length=60, db_index=True)
    people_from = models.PositiveIntegerField(_("from group size"), default=0)
    people_to = models.PositiveIntegerField(_("to group size"), null=True, blank=True)
    value = models.PositiveIntegerField(_("value"), null=True, blank=True)

    class Meta:
        verbose_name = _("reception rule")
        verbose_name_plural = _("reception rules")
        ordering = ["code", "people_from", "effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "people_from", "effective_from"],
                name="reception_rule_unique_version",
            ),
            models.CheckConstraint(
                condition=Q(effective_to__isnull=True) | Q(effective_to__gt=F("effective_from")),
                name="reception_rule_period_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.value}"

    def applies_to(self, people: int) -> bool:
        return people >= self.people_from and (self.people_to is None or people <= self.people_to)


class RefusalGround(VersionedRule):
    """A legal ground to refuse to receive a citizen (Luật Tiếp công dân art. 9; NĐ 154/2026 art. 4)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=300)
    name_en = models.CharField(_("English name"), max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("ground for refusing reception")
        verbose_name_plural = _("grounds for refusing reception")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name

    def label(self, language: str) -> str:
        return self.name_en if language == "en" else self.name


class Threshold(models.Model):
    """A number the platform decides (not the law): hotspot scoring, when a case counts as prolonged.
    Seeded with defaults; a system administrator changes them on the thresholds page."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    value = models.FloatField(_("value"))
    minimum = models.FloatField(_("smallest allowed value"), default=0)
    description = models.CharField(_("description"), max_length=300)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("threshold")
        verbose_name_plural = _("thresholds")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} = {self.value:g}"
