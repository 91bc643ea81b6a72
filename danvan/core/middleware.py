from __future__ import annotations

import ipaddress
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from danvan.core.context import current_ip


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
