"""Append-only, hash-chained audit trail.

Every row stores the hash of the previous row and its own hash over its content, and a gap-free
sequence number handed out under a lock on the chain head. Altering, deleting or inserting a row
directly in the database breaks the chain, and ``manage.py audit_verify`` names the first bad row.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, ClassVar, NoReturn

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

GENESIS_HASH = "0" * 64


class AuditImmutableError(RuntimeError):
    pass


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AuditImmutableError("Audit events cannot be updated.")

    def delete(self) -> NoReturn:
        raise AuditImmutableError("Audit events cannot be deleted.")

    def bulk_update(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AuditImmutableError("Audit events cannot be updated.")


class AuditEvent(models.Model):
    seq = models.PositiveBigIntegerField(_("sequence"), unique=True, editable=False)
    created_at = models.DateTimeField(_("time"), editable=False, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    actor_label = models.CharField(_("actor label"), max_length=200, blank=True, editable=False)
    action = models.CharField(_("action"), max_length=100, db_index=True, editable=False)
    target_type = models.CharField(_("target type"), max_length=100, blank=True, editable=False)
    target_id = models.CharField(_("target id"), max_length=64, blank=True, editable=False)
    organization_id = models.BigIntegerField(_("organisation"), null=True, blank=True, db_index=True, editable=False)
    data = models.JSONField(_("data"), default=dict, encoder=DjangoJSONEncoder, editable=False)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True, editable=False)
    prev_hash = models.CharField(max_length=64, editable=False)
    hash = models.CharField(max_length=64, editable=False)

    objects: ClassVar[models.Manager[AuditEvent]] = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["seq"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AuditImmutableError("Audit events cannot be updated.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AuditImmutableError("Audit events cannot be deleted.")

    def payload(self) -> dict[str, Any]:
        """The fields the hash covers, in a canonical form that survives a database round trip."""
        return {
            "seq": self.seq,
            "created_at": self.created_at.isoformat(timespec="microseconds"),
            "actor": self.actor_id,
            "actor_label": self.actor_label,
            "action": self.action,
            "target_type": self.target_type,
            "target_id": self.target_id,
            "organization": self.organization_id,
            "data": self.data,
            "ip": self.ip,
            "prev_hash": self.prev_hash,
        }

    def compute_hash(self) -> str:
        canonical = json.dumps(
            self.payload(), sort_keys=True, ensure_ascii=False, separators=(",", ":"), cls=DjangoJSONEncoder
        )
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class AuditChainHead(models.Model):
    """A single row holding the last sequence number and hash; locked while a row is appended."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default=GENESIS_HASH)

    class Meta:
        verbose_name = _("audit chain head")

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash[:12]}"
