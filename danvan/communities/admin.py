"""Django admin for the kinds of community (thôn, bản, ấp, buôn, tổ dân phố...): data, so a system administrator
adds a kind (or retires one with ``is_active``) without a code change. A kind in use cannot be deleted (PROTECT);
its code is the stored value, so it cannot be changed once created."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from danvan.communities.models import CommunityKind


@admin.register(CommunityKind)
class CommunityKindAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_en", "position", "is_active"]
    list_filter = ["is_active"]
    ordering = ["position", "code"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return ["code"] if obj is not None else []
