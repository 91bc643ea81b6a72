"""Working-day calendar overrides and legal time-limit rules, both data with a legal citation.

Public holidays come from the ``holidays`` package (country ``VN``); :class:`CalendarOverride` rows correct
it (an extra day off, a Saturday worked as a make-up day). :class:`TimeLimitRule` holds one row per
(code, complex, remote, effective period): the law changes, the row is versioned, code never says "30 days".
Writes go through ``danvan.calendar.services``; reads through ``danvan.calendar.selectors``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.law.models import VersionedRule


class OverrideKind(models.TextChoices):
    DAY_OFF = "day_off", _("day off")
    WORKING_DAY = "working_day", _("working day")


class CalendarOverride(models.Model):
    """One date whose status differs from the ``holidays`` package and the Monday–Friday week."""

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=OverrideKind.choices)
    reason = models.CharField(_("reason"), max_length=300)
    legal_basis = models.CharField(
        _("legal basis"),
        max_length=300,
        help_text=_("The document that decides it: number, date and issuing body."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("calendar override")
        verbose_name_plural = _("calendar overrides")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.get_kind_display()}"


class RuleUnit(models.TextChoices):
    WORKING_DAYS = "working_days", _("working days")
    DAYS = "days", _("days")


class TimeLimitRule(VersionedRule):
    """One version of one legal time limit for one variant (complex case, remote area).

    A version is in force on ``effective_from <= start < effective_to`` (an empty ``effective_to`` means
    "until further notice"). Versions are never edited; a change of the law adds a new version.
    """

    code = models.CharField(_("code"), max_length=60, db_index=True)
    length = models.PositiveSmallIntegerField(_("length"))
    unit = models.CharField(_("unit"), max_length=12, choices=RuleUnit.choices)
    counts_from = models.CharField(_("counts from"), max_length=300)
    complex = models.BooleanField(_("complex case"), default=False)
    remote = models.BooleanField(_("remote or especially difficult area"), default=False)
    max_extensions = models.PositiveSmallIntegerField(_("maximum number of extensions"), default=0)
    extension_length = models.PositiveSmallIntegerField(_("length of each extension"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("time-limit rule")
        verbose_name_plural = _("time-limit rules")
        ordering = ["code", "complex", "remote", "effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "complex", "remote", "effective_from"], name="legal_calendar_rule_unique_version"
            ),
            models.CheckConstraint(
                condition=Q(effective_to__isnull=True) | Q(effective_to__gt=F("effective_from")),
                name="legal_calendar_rule_period_valid",
            ),
            models.CheckConstraint(condition=Q(length__gte=1), name="legal_calendar_rule_length_positive"),
            models.CheckConstraint(
                condition=Q(max_extensions=0) | Q(extension_length__gte=1),
                name="legal_calendar_rule_extension_length",
            ),
        ]

    def __str__(self) -> str:
        flags = [str(_("complex")) if self.complex else "", str(_("remote")) if self.remote else ""]
        variant = ", ".join(f for f in flags if f)
        return f"{self.code}{f' ({variant})' if variant else ''}: {self.length} {self.get_unit_display()}"


from danvan.calendar.models_deadlines import Deadline, DeadlineState  # noqa: E402  (the deadline engine's model)

__all__ = ["CalendarOverride", "Deadline", "DeadlineState", "OverrideKind", "RuleUnit", "TimeLimitRule"]
