from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from danvan.outbox.models import OutboxMessage, Status

# Granted by a rule in danvan/accounts/rules.py (system administrators): the outbox depends only on core.
PERMISSION = "outbox.view_messages"


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """Read-only: what the follow-ups of writes are doing, and which ones keep failing (with the error).
    The payload is not shown (a receipt carries the citizen's secret)."""

    list_display = ("pk", "kind", "target", "status", "attempts", "created_at", "available_at", "short_error")
    list_filter = ("status", "kind")
    search_fields = ("kind", "target")
    fields = (
        "kind",
        "target",
        "status",
        "attempts",
        "created_at",
        "available_at",
        "handed_at",
        "lease_until",
        "finished_at",
        "last_error",
    )
    readonly_fields = fields

    @admin.display(description=_("last error"))
    def short_error(self, obj: OutboxMessage) -> str:
        lines = obj.last_error.strip().splitlines()
        return lines[-1][:120] if lines else ""

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> Any:
        title = _("Outbox messages: %(failed)s failed, %(waiting)s waiting") % {
            "failed": OutboxMessage.objects.filter(status=Status.FAILED).count(),
            "waiting": OutboxMessage.objects.filter(status__in=[Status.PENDING, Status.RUNNING]).count(),
        }
        return super().changelist_view(request, (extra_context or {}) | {"title": title})

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(PERMISSION)

    def has_view_permission(self, request: HttpRequest, obj: OutboxMessage | None = None) -> bool:
        return request.user.has_perm(PERMISSION)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: OutboxMessage | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: OutboxMessage | None = None) -> bool:
        return False
