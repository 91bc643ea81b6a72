from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from danvan.core.context import current_ip


def client_ip(request: HttpRequest) -> str | None:
    """The client address as axes sees it (honours PROXY_COUNT behind a reverse proxy)."""
    ip = getattr(request, "axes_ip_address", None)
    return ip or request.META.get("REMOTE_ADDR") or None


class RequestContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_ip.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            current_ip.reset(token)
