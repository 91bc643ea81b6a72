"""Read-only Django admin for the competence rules and the classifier models (system administrators).

A competence rule is law as data: a change of the law or a correction is a new version added by a data
migration (see docs/routing.md), never an edit in place. Models are written only by the training service.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from danvan.routing.models import ClassifierModel, CompetenceRule, RoutingSuggestion

PERMISSION = "routing.manage_rules"


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


@admin.register(CompetenceRule)
class CompetenceRuleAdmin(_ReadOnlyAdmin):
    list_display = [
        "code",
        "kind",
        "complaint_round",
        "respondent",
        "category",
        "target",
        "resolver",
        "certainty",
        "effective_from",
        "effective_to",
        "citation",
    ]
    list_filter = ["kind", "respondent", "target", "certainty"]
    search_fields = ["code", "citation", "note"]


@admin.register(ClassifierModel)
class ClassifierModelAdmin(_ReadOnlyAdmin):
    list_display = ["version", "trained_at", "n_samples", "macro_f1", "accuracy", "size_bytes", "is_active"]
    exclude = ["blob"]


@admin.register(RoutingSuggestion)
class RoutingSuggestionAdmin(_ReadOnlyAdmin):
    list_display = ["petition", "decision", "suggested_category", "final_category", "model_version", "decided_at"]
    list_filter = ["decision", "source"]
