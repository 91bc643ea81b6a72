from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    PENDING = "pending", _("Pending")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class OutboxMessage(models.Model):
    """One follow-up of a write (index a petition, send an e-mail…), written in the write's transaction.

    At most one PENDING row per (kind, target): a second change before the first is handled adds nothing.
    A RUNNING row is claimed until ``lease_until``; when its worker dies the lease expires and the relay
    hands it out again. ``payload`` is emptied once the message is done (a receipt carries a secret).
    """

    kind = models.CharField(_("kind"), max_length=80)
    target = models.CharField(_("target"), max_length=200, blank=True)
    payload = models.JSONField(_("payload"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    available_at = models.DateTimeField(_("not before"), default=timezone.now)
    handed_at = models.DateTimeField(_("handed to the queue at"), null=True, blank=True)
    lease_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "target"], condition=Q(status="pending"), name="outbox_one_pending_per_target"
            ),
        ]
        indexes = [models.Index(fields=["status", "available_at"], name="outbox_status_available")]

    def __str__(self) -> str:
        return f"{self.kind} {self.target} ({self.status})"
