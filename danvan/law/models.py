"""Every legal figure and list as dated data with its citation (LEGAL_BRIEF.md).

:class:`VersionedRule` is the shape every rule table of the platform shares (this app's tables, the calendar's
time limits, routing's competence rules, the report periods): in force on ``effective_from <= day <
effective_to``, a citation, a certainty mark (LEGAL_BRIEF's [C]/[S]/[U]) and a note. A change of the law adds a
version; a row is never edited to say something else.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Certainty(models.TextChoices):
    """The tags of LEGAL_BRIEF.md §0: [C] read in the law's text, [S] a secondary source, [U] an interpretation."""

    CONFIRMED = "C", _("confirmed in the legal text")
    SECONDARY = "S", _("from a secondary source, to be checked")
    UNSURE = "U", _("interpretation, to be checked")


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
    certainty = models.CharField(_("certainty"), max_length=1, choices=Certainty.choices, default=Certainty.CONFIRMED)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        abstract = True

    def in_force_on(self, day: dt.date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day < self.effective_to)


def in_force_q(day: dt.date) -> Q:
    """The filter of the versions in force on ``day``, for any :class:`VersionedRule` table."""
    return Q(effective_from__lte=day) & (Q(effective_to__isnull=True) | Q(effective_to__gt=day))


def period_valid(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(effective_to__isnull=True) | Q(effective_to__gt=F("effective_from")), name=name
    )


class Unit(models.TextChoices):
    PEOPLE = "people", pgettext_lazy("unit", "people")
    DAYS = "days", pgettext_lazy("unit", "days")
    WORKING_DAYS = "working_days", pgettext_lazy("unit", "working days")
    DAY_OF_MONTH = "day_of_month", pgettext_lazy("unit", "day of the month")
    COPIES = "copies", pgettext_lazy("unit", "copies")
    SWITCH = "switch", pgettext_lazy("unit", "in force (yes/no)")


class LegalFigure(VersionedRule):
    """One legal figure: a number with its unit (a crowd is 5 people, a window of 30 days), or a switch that
    is simply in force (online booking). ``applies_to`` names what it applies to; ``people_from``/``people_to``
    bound the group size a row applies to (0 and empty: any size)."""

    code = models.CharField(_("code"), max_length=60, db_index=True)
    applies_to = models.CharField(_("applies to"), max_length=200, blank=True)
    people_from = models.PositiveIntegerField(_("from group size"), default=0)
    people_to = models.PositiveIntegerField(_("to group size"), null=True, blank=True)
    value = models.PositiveIntegerField(_("value"), null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=12, choices=Unit.choices, default=Unit.SWITCH)

    class Meta:
        verbose_name = _("legal figure")
        verbose_name_plural = _("legal figures")
        ordering = ["code", "people_from", "effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "people_from", "effective_from"], name="law_figure_unique_version"),
            period_valid("law_figure_period_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.value}"

    def applies_to_people(self, people: int) -> bool:
        return people >= self.people_from and (self.people_to is None or people <= self.people_to)


class LegalGround(VersionedRule):
    """One ground of a legal list (``list_code``): why a complaint is not accepted (Complaint Law art. 11), why a
    citizen is not received (Citizen Reception Law art. 9), which criteria make a case complex..."""

    list_code = models.CharField(_("list"), max_length=60, db_index=True)
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=300)
    name_en = models.CharField(_("English name"), max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("legal ground")
        verbose_name_plural = _("legal grounds")
        ordering = ["list_code", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["code", "effective_from"], name="law_ground_unique_version"),
            period_valid("law_ground_period_valid"),
        ]

    def __str__(self) -> str:
        return self.name

    def label(self, language: str) -> str:
        return self.name_en if language == "en" else self.name


class HeadPosition(models.TextChoices):
    PROVINCIAL_CHAIRMAN = "provincial_chairman", _("Chairman of the provincial People's Committee")
    COMMUNE_CHAIRMAN = "commune_chairman", _("Chairman of the commune People's Committee")
    DEPARTMENT_HEAD = "department_head", _("Head of a department or agency")
    PROVINCIAL_PARTY_SECRETARY = "provincial_party_secretary", _("Secretary of the provincial Party committee")
    COMMUNE_PARTY_SECRETARY = "commune_party_secretary", _("Secretary of the commune Party committee")


class DutyPeriod(models.TextChoices):
    WEEK = "week", _("week")
    MONTH = "month", _("month")


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
            models.UniqueConstraint(fields=["position", "effective_from"], name="law_duty_unique_version"),
            period_valid("law_duty_period_valid"),
            models.CheckConstraint(condition=Q(days_required__gte=1), name="law_duty_days_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.get_position_display()}: {self.days_required}/{self.get_period_display()}"
