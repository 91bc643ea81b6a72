"""Helpers shared by the reception views: the user, scoped objects or 404, rules, domain errors on forms."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.accounts.models import User
from danvan.core.errors import DomainError

T = TypeVar("T")


def current_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def found[T](read: Callable[..., T], **kwargs: Any) -> T:
    """The object from a scoped selector; "not found" and "not allowed" are the same 404."""
    try:
        return read(**kwargs)
    except ObjectDoesNotExist:
        raise Http404 from None


def require(request: HttpRequest, perm: str, obj: Any = None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def apply_error(form: forms.Form, error: DomainError) -> None:
    """Put a service's refusal on the form: each field's message where it belongs, else on top."""
    fields: dict[str, list[str]] = error.extra.get("fields") or {}
    placed = False
    for name, problems in fields.items():
        for problem in problems:
            text = problem if " " in problem else _("Check this field.")
            if name in form.fields:
                form.add_error(name, text)
                placed = True
    if not placed:
        form.add_error(None, str(error.message))


def today_local() -> Any:
    return timezone.localdate()


def docx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
