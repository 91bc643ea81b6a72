from __future__ import annotations

import json
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from danvan.audit.models import AuditChainHead, AuditEvent
from danvan.core.context import current_ip


def _plain(data: dict[str, Any]) -> dict[str, Any]:
    # Round-trip through JSON so the hashed payload equals what the database gives back later.
    result: dict[str, Any] = json.loads(json.dumps(data, cls=DjangoJSONEncoder))
    return result


def audit_record(
    *,
    actor: AbstractBaseUser | None,
    action: str,
    target: models.Model | None = None,
    organization_id: int | None = None,
    data: dict[str, Any] | None = None,
    ip: str | None = None,
) -> AuditEvent:
    """Append one audit row. Call it inside the service's transaction: it commits or rolls back with it.

    Never put a denouncer's identity or petition content in ``data``: the audit trail is readable by
    inspectors who may not see them.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record() must run inside the service's transaction.")
    head = AuditChainHead.objects.select_for_update().filter(id=1).first()
    if head is None:  # the very first row: make the head, then lock it as usual
        AuditChainHead.objects.get_or_create(id=1)
        head = AuditChainHead.objects.select_for_update().get(id=1)
    now = timezone.now()
    actor_id = actor.pk if actor is not None and actor.pk else None  # an unsaved user is "system" too
    event = AuditEvent(
        seq=head.seq + 1,
        created_at=now,
        actor_id=actor_id,
        actor_label=actor.get_username() if actor is not None and actor_id else "system",
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        organization_id=organization_id,
        data=_plain(data or {}),
        ip=ip if ip is not None else current_ip.get(),
        prev_hash=head.hash,
    )
    event.hash = event.compute_hash()
    event.save(force_insert=True)
    head.seq, head.hash = event.seq, event.hash
    head.save(update_fields=["seq", "hash"])
    return event
