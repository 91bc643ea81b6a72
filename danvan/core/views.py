"""Error pages: clear Vietnamese messages, never a stack trace. Under /api/ and /open311/ the same
errors answer in that channel's body instead (danvan.core.error_bodies)."""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from danvan.core.error_bodies import error_response

logger = logging.getLogger(__name__)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    message = _("The form's security check failed: reload the page and send it again.")
    return error_response(request, 403, "csrf_failed", message) or render(request, "errors/403_csrf.html", status=403)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = _("The request could not be understood.")
    return error_response(request, 400, "bad_request", message) or render(request, "errors/400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = _("You do not have permission to do this.")
    return error_response(request, 403, "forbidden", message) or render(request, "errors/403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_response(request, 404, "not_found", _("Not found.")) or render(request, "errors/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    message = _(
        "Something went wrong on our side. What you sent may or may not have been saved: check before sending it again."
    )
    try:
        answer = error_response(request, 500, "server_error", message)
    except Exception:  # the error body itself failed: the plain page below never does
        logger.exception("The error body for a server error failed")
        answer = None
    if answer is not None:
        return answer
    # No context processors, no database, no translation lookup: the page states both languages itself.
    return HttpResponse(render_to_string("errors/500.html"), status=500)


def nul_refused(request: HttpRequest, field: str) -> HttpResponse:
    """A submitted value held the NUL character (which no database text column stores): 400 naming it."""
    message = _("%(field)s: the NUL character (\\0) is not allowed in text. Remove it and send again.") % {
        "field": field
    }
    extra = {"fields": {field: [message]}}
    return error_response(request, 400, "invalid", message, extra) or render(
        request, "errors/400.html", {"message": message}, status=400
    )


def too_large(request: HttpRequest, limit_bytes: int) -> HttpResponse:
    """The request body is over the limit: 413, before anything was read or saved."""
    megabytes = max(1, round(limit_bytes / (1024 * 1024)))
    message = _("What you sent is too large: at most %(size)s MB in all. Send smaller or fewer files.") % {
        "size": megabytes
    }
    response = error_response(request, 413, "too_large", message, {"limit_bytes": limit_bytes}) or render(
        request, "errors/413.html", {"message": message}, status=413
    )
    # The rest of the body is not read: the connection cannot be reused for another request.
    response["Connection"] = "close"
    return response
