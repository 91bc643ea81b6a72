"""Read-only Django admin for the law as data. The rows are versions seeded by migrations with their citation; a
change of the law is a new version in a migration (as for the calendar's time limits). Only system
administrators (who manage the reception thresholds) see these pages."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from danvan.law.models import LegalFigure, LegalGround, ReceptionDutyRule

PERMISSION = "reception.manage_thresholds"


class _ReadOnlyAdmin(admin.ModelAdmin):
    list_filter = ["certainty"]

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
    list_filter = ["position", "certainty"]


@admin.register(LegalFigure)
class LegalFigureAdmin(_ReadOnlyAdmin):
    list_display = ["code", "value", "unit", "people_from", "people_to", "effective_from", "effective_to", "citation"]
    search_fields = ["code", "citation", "note"]


@admin.register(LegalGround)
class LegalGroundAdmin(_ReadOnlyAdmin):
    list_display = ["list_code", "code", "name", "citation", "effective_from", "effective_to", "certainty"]
    list_filter = ["list_code", "certainty"]
    search_fields = ["code", "name", "citation"]
