"""Read-only Django admin for the reception law as data. The rows are versions seeded by migrations with their
citation; a change of the law is a new version in a migration (as for the calendar's time limits), and the
platform's thresholds are changed on /reception/thresholds/ (audited). Only system administrators see these pages."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from danvan.reception.models import ReceptionDutyRule, ReceptionRule, RefusalGround

PERMISSION = "reception.manage_thresholds"


class _ReadOnlyAdmin(admin.ModelAdmin):
    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(PERMISSION)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.has_perm(PERMISSION)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ReceptionDutyRule)
class ReceptionDutyRuleAdmin(_ReadOnlyAdmin):
    list_display = ["position", "days_required", "period", "delegation_allowed", "effective_from", "effective_to"]
    list_filter = ["position"]


@admin.register(ReceptionRule)
class ReceptionRuleAdmin(_ReadOnlyAdmin):
    list_display = ["code", "people_from", "people_to", "value", "effective_from", "effective_to", "citation"]


@admin.register(RefusalGround)
class RefusalGroundAdmin(_ReadOnlyAdmin):
    list_display = ["code", "name", "citation", "effective_from", "effective_to"]
