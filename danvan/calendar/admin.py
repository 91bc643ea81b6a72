"""Django admin for the calendar overrides and the time-limit rules.

Adding goes through the services (validation, audit row, cache invalidation). Rows are never edited in
place: an override is removed and added again, a rule gets a new version. Only system administrators
(``legal_calendar.manage_calendar``) see these pages.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from danvan.calendar.models import CalendarOverride, TimeLimitRule
from danvan.calendar.services import (
    override_add,
    override_remove,
    override_validate,
    rule_version_add,
    rule_version_validate,
)
from danvan.core.errors import DomainError

PERMISSION = "legal_calendar.manage_calendar"


class _ManagedAdmin(admin.ModelAdmin):
    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(PERMISSION)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.has_perm(PERMISSION)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(PERMISSION)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class CalendarOverrideForm(forms.ModelForm):
    class Meta:
        model = CalendarOverride
        fields = ["date", "kind", "reason", "legal_basis"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors:
            try:
                override_validate(
                    day=data["date"], kind=data["kind"], reason=data["reason"], legal_basis=data["legal_basis"]
                )
            except DomainError as error:
                raise forms.ValidationError(str(error.message), code=str(error.code)) from error
        return data


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(_ManagedAdmin):
    form = CalendarOverrideForm
    list_display = ["date", "kind", "reason", "legal_basis", "created_by", "created_at"]
    list_filter = ["kind"]
    date_hierarchy = "date"
    search_fields = ["reason", "legal_basis"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.has_perm(PERMISSION)

    def save_model(self, request: HttpRequest, obj: CalendarOverride, form: Any, change: bool) -> None:
        created = override_add(
            actor=request.user,  # type: ignore[arg-type]
            day=obj.date,
            kind=obj.kind,
            reason=obj.reason,
            legal_basis=obj.legal_basis,
        )
        obj.pk, obj.created_by, obj.created_at = created.pk, created.created_by, created.created_at

    def delete_model(self, request: HttpRequest, obj: CalendarOverride) -> None:
        override_remove(actor=request.user, override=obj)  # type: ignore[arg-type]

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[CalendarOverride]) -> None:
        for override in queryset:
            override_remove(actor=request.user, override=override)  # type: ignore[arg-type]


class TimeLimitRuleForm(forms.ModelForm):
    class Meta:
        model = TimeLimitRule
        fields = [
            "code",
            "length",
            "unit",
            "counts_from",
            "complex",
            "remote",
            "effective_from",
            "effective_to",
            "max_extensions",
            "extension_length",
            "citation",
            "note",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors:
            try:
                rule_version_validate(
                    code=data["code"],
                    length=data["length"],
                    unit=data["unit"],
                    citation=data["citation"],
                    effective_from=data["effective_from"],
                    effective_to=data.get("effective_to"),
                    complex=data.get("complex", False),
                    remote=data.get("remote", False),
                    max_extensions=data.get("max_extensions") or 0,
                    extension_length=data.get("extension_length") or 0,
                )
            except DomainError as error:
                raise forms.ValidationError(str(error.message), code=str(error.code)) from error
        return data

    def validate_constraints(self) -> None:
        # The service checks the same invariants with our own messages (and closes the previous version,
        # which the unique and period constraints would otherwise reject).
        return None


@admin.register(TimeLimitRule)
class TimeLimitRuleAdmin(_ManagedAdmin):
    form = TimeLimitRuleForm
    list_display = ["code", "complex", "remote", "length", "unit", "effective_from", "effective_to", "citation"]
    list_filter = ["unit", "complex", "remote", "code"]
    search_fields = ["code", "citation", "note"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: TimeLimitRule, form: Any, change: bool) -> None:
        created = rule_version_add(
            actor=request.user,  # type: ignore[arg-type]
            code=obj.code,
            length=obj.length,
            unit=obj.unit,
            counts_from=obj.counts_from,
            citation=obj.citation,
            effective_from=obj.effective_from,
            effective_to=obj.effective_to,
            complex=obj.complex,
            remote=obj.remote,
            max_extensions=obj.max_extensions,
            extension_length=obj.extension_length,
            note=obj.note,
        )
        obj.pk, obj.created_by, obj.created_at = created.pk, created.created_by, created.created_at
