"""The deadline engine's data: one :class:`Deadline` per time limit running on any record.

A record is any model instance (a petition, a complex case, a dialogue …), referred to by content type and
primary key; ``key`` tells apart the deadlines of one record (a petition's steps "accept", "resolve" …).
The owning organisation and the responsible officer scope it (reminders, "My deadlines"). The due date
comes from a :class:`~danvan.calendar.models.TimeLimitRule` through ``danvan.calendar.selectors.due_date``.
Writes go through ``danvan.calendar.deadlines`` (and its audited services); reads through
``danvan.calendar.selectors_deadlines``.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DeadlineState(models.TextChoices):
    OPEN = "open", _("open")
    DONE = "done", _("done")


class Deadline(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    key = models.CharField(_("deadline"), max_length=40)
    organization = models.ForeignKey(
        "accounts.Organization", verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible officer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    rule_code = models.CharField(_("time-limit rule"), max_length=60)
    complex = models.BooleanField(default=False)
    remote = models.BooleanField(default=False)
    extensions = models.PositiveSmallIntegerField(_("extensions"), default=0)
    citation = models.CharField(_("legal citation"), max_length=300, blank=True)
    opened_on = models.DateField(_("opened on"))
    # The day the period counts from: moved forward by the days a suspension lasted.
    starts_on = models.DateField(_("counts from"))
    due_on = models.DateField(_("due on"))
    # Set by an extension to a date of its own: a resumption shifts it instead of recomputing it.
    due_fixed = models.BooleanField(default=False)
    state = models.CharField(_("state"), max_length=8, choices=DeadlineState.choices, default=DeadlineState.OPEN)
    paused_on = models.DateField(_("suspended on"), null=True, blank=True)
    paused_days = models.PositiveIntegerField(_("days suspended"), default=0)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    extension_reason = models.TextField(_("reason for the extension"), blank=True)
    notified_soon = models.BooleanField(default=False)
    notified_overdue = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "key"], name="legal_calendar_deadline_unique"),
            models.CheckConstraint(
                condition=Q(state="open", completed_on__isnull=True)
                | Q(state="done", completed_on__isnull=False, paused_on__isnull=True),
                name="legal_calendar_deadline_state_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["state", "due_on"], name="legal_cal_deadline_scan_idx"),
            models.Index(fields=["responsible", "state", "due_on"], name="legal_cal_deadline_mine_idx"),
            models.Index(fields=["organization", "state", "due_on"], name="legal_cal_deadline_unit_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id} {self.key} → {self.due_on}"
