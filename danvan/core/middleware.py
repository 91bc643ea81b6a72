from __future__ import annotations

import ipaddress
import json
from collections.abc import Callable, Iterator
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse

from danvan.core.context import current_ip
from danvan.core.views import bad_request, nul_refused, too_large


def client_ip(request: HttpRequest) -> str | None:
    """The client's address. Behind ``PROXY_COUNT`` trusted reverse proxies, the address the first
    proxy saw (counted from the right of X-Forwarded-For, which clients cannot forge past our proxies).
    Used by django-axes for lock-outs and by the audit trail."""
    remote = request.META.get("REMOTE_ADDR") or None
    count = settings.DANVAN_PROXY_COUNT
    if count:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= count:
            candidate = forwarded[-count]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                return remote
    return remote


class VietnameseFirstMiddleware:
    """Vietnamese unless the person chose English with the language switch: the browser's own
    Accept-Language is ignored (a government portal speaks the national language first)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class RequestContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_ip.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            current_ip.reset(token)


class RequestGuardMiddleware:
    """Refuses, before any view runs, two inputs no view can handle well.

    * A body over the limit: 413 in the channel's error body (the API's JSON, Open311's list, a
      friendly page for forms). The limit is ``DATA_UPLOAD_MAX_MEMORY_SIZE`` for JSON and form-encoded
      bodies; a multipart form may add the attachments on top (``DANVAN_ATTACHMENT_MAX_BYTES`` ×
      ``DANVAN_ATTACHMENT_MAX_COUNT``), since Django counts only its non-file fields against
      ``DATA_UPLOAD_MAX_MEMORY_SIZE``. A body without Content-Length that turns out too large, here or
      in a view, is caught as ``RequestDataTooBig``.
    * The NUL character in any submitted text — query string, form field or file name, JSON string or
      key, header — answers 400 ``invalid`` naming the field. PostgreSQL cannot store it in a text
      column (the save failed with a 500) and it never belongs in a citizen's or officer's text. One
      check here instead of a validator on every field: it covers the API (ninja/pydantic), Open311,
      every Django form (whose CharField already refuses NUL, but not a ModelChoiceField's lookup, a
      filter read from the query string or a header stored as is) and every view written later.
      A browser cannot type NUL, so a form-level message would only ever serve hand-made requests: the
      form's page is a 400 page naming the field.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = _body_limit(request)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:  # Django's own reading of the body would fail on it later, with a 500
            return bad_request(request)
        if limit is not None and length > limit:
            return too_large(request, limit)
        try:
            field = _nul_field(request)
        except RequestDataTooBig:
            return too_large(request, limit or 0)
        if field is not None:
            return nul_refused(request, field)
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, RequestDataTooBig):
            return too_large(request, _body_limit(request) or 0)
        return None


def _body_limit(request: HttpRequest) -> int | None:
    limit: int | None = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if limit is not None and request.content_type == "multipart/form-data":
        limit += settings.DANVAN_ATTACHMENT_MAX_BYTES * settings.DANVAN_ATTACHMENT_MAX_COUNT
    return limit


def _shown(name: str) -> str:
    return name.replace("\x00", "\\0")


def _nul_field(request: HttpRequest) -> str | None:
    """The name of the first submitted value holding NUL, or ``None``."""
    if "\x00" in request.path:
        return "path"
    for key, value in request.META.items():
        if key.startswith("HTTP_") and isinstance(value, str) and "\x00" in value:
            return key[5:].replace("_", "-").title()
    for name, values in request.GET.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            return _shown(name)
    if request.method == "POST" and request.content_type in (
        "multipart/form-data",
        "application/x-www-form-urlencoded",
    ):
        for name, values in request.POST.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                return _shown(name)
        for name, files in request.FILES.lists():
            if "\x00" in name or any("\x00" in (upload.name or "") for upload in files):
                return _shown(name)
    elif request.content_type and "json" in request.content_type and request.method in ("POST", "PUT", "PATCH"):
        body = request.body
        if b"\x00" in body or b"\\u0000" in body:
            try:
                document = json.loads(body)
            except ValueError:
                return "body"  # a raw NUL inside a string is not even JSON
            return next(_nul_paths(document, ""), None)
    return None


def _nul_paths(value: Any, path: str) -> Iterator[str]:
    """Dotted paths (``parties.0.full_name``) of the strings and keys holding NUL in a JSON document."""
    if isinstance(value, str):
        if "\x00" in value:
            yield path or "body"
    elif isinstance(value, dict):
        for key, item in value.items():
            inner = f"{path}.{_shown(key)}" if path else _shown(key)
            if "\x00" in key:
                yield inner
            yield from _nul_paths(item, inner)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nul_paths(item, f"{path}.{index}" if path else str(index))
